import { ATTRACTION_ENTITIES } from './attraction/index.js';
import { AUDIT_ENTITIES } from './audit/index.js';
import { AUTH_ENTITIES } from './auth/index.js';
import { BOARD_ENTITIES } from './board/index.js';
import { BULLETIN_ENTITIES } from './bulletins/index.js';
import { NOTIFICATION_ENTITIES } from './notifications/index.js';
import { DATABASE_ENTITIES } from './database/index.js';
import { EXCEL_ENTITIES } from './excel/index.js';
import { JOBS_ENTITIES } from './jobs/index.js';
import { PEOPLE_ENTITIES } from './people/index.js';
import { PLANS_ENTITIES } from './plans/index.js';
import { PROJECT_RECORD_ENTITIES } from './project-records/index.js';
import { REFERENCE_ENTITIES } from './reference/index.js';
import { REPORTS_ENTITIES } from './reports/index.js';
import { REQUESTS_ENTITIES } from './requests/index.js';

/**
 * Every entity, for what runs outside the app's modules: the migrations CLI (data-source.ts), the
 * scripts and tests that open the database directly. In the app each module registers its own
 * (TypeOrmModule.forFeature); this list sits at the top of src/, so the bottom imports none of them.
 */
export const ENTITIES = [
  ...DATABASE_ENTITIES,
  ...JOBS_ENTITIES,
  ...AUDIT_ENTITIES,
  ...REFERENCE_ENTITIES,
  ...AUTH_ENTITIES,
  ...PROJECT_RECORD_ENTITIES,
  ...PLANS_ENTITIES,
  ...REQUESTS_ENTITIES,
  ...PEOPLE_ENTITIES,
  ...REPORTS_ENTITIES,
  ...ATTRACTION_ENTITIES,
  ...BOARD_ENTITIES,
  ...BULLETIN_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...EXCEL_ENTITIES,
];
