import { ATTRACTION_ENTITIES } from './attraction/attraction.module.js';
import { AUDIT_ENTITIES } from './audit/audit.module.js';
import { AUTH_ENTITIES } from './auth/auth.module.js';
import { BOARD_ENTITIES } from './board/board.module.js';
import { BULLETIN_ENTITIES } from './bulletins/bulletins.module.js';
import { DATABASE_ENTITIES } from './database/database.module.js';
import { EXCEL_ENTITIES } from './excel/excel.module.js';
import { PLANS_ENTITIES } from './plans/plans.module.js';
import { PROJECT_RECORD_ENTITIES } from './project-records/project-records.module.js';
import { REFERENCE_ENTITIES } from './reference/reference.module.js';
import { REPORTS_ENTITIES } from './reports/reports.module.js';
import { REQUESTS_ENTITIES } from './requests/requests.module.js';

/**
 * Every entity, for what runs outside the app's modules: the migrations CLI (data-source.ts), the
 * scripts and tests that open the database directly. In the app each module registers its own
 * (TypeOrmModule.forFeature); this list sits at the top of src/, so the bottom imports none of them.
 */
export const ENTITIES = [
  ...DATABASE_ENTITIES,
  ...AUDIT_ENTITIES,
  ...REFERENCE_ENTITIES,
  ...AUTH_ENTITIES,
  ...PROJECT_RECORD_ENTITIES,
  ...PLANS_ENTITIES,
  ...REQUESTS_ENTITIES,
  ...REPORTS_ENTITIES,
  ...ATTRACTION_ENTITIES,
  ...BOARD_ENTITIES,
  ...BULLETIN_ENTITIES,
  ...EXCEL_ENTITIES,
];
