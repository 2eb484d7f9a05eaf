import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AppSetting } from '../auth/app-setting.entity.js';
import { AuthSession } from '../auth/auth-session.entity.js';
import { DisplayToken } from '../auth/display-token.entity.js';
import { User } from '../auth/user.entity.js';
import { ImportMapping } from '../excel/mapping/import-mapping.entity.js';
import { Bulletin } from '../bulletins/bulletin.entity.js';
import { ListEntry } from '../lists/list-entry.entity.js';
import { ProjectHistory } from '../projects/project-history.entity.js';
import { Project } from '../projects/project.entity.js';
import { ProjectComment } from '../projects/project-comment.entity.js';
import { ChainTarget } from '../plans/chain-target.entity.js';
import { PlaceRule } from '../plans/place-rule.entity.js';
import { PlanAdjustment } from '../plans/plan-adjustment.entity.js';
import { Chain } from '../reference/chain.entity.js';
import { Region } from '../reference/region.entity.js';
import { YearTarget } from '../plans/year-target.entity.js';
import { ReportRevision } from '../reports/report-revision.entity.js';
import { ProjectYearFigure } from '../reports/project-year-figure.entity.js';
import { WriteCounter } from './write-counter.entity.js';
import { LoginAttempt } from '../auth/login-attempt.entity.js';
import { ApprovalStatusRow } from '../requests/approval-status.entity.js';
import { Department } from '../requests/department.entity.js';
import { FactorRequest } from '../requests/factor-request.entity.js';
import { RequestTransition } from '../requests/request-transition.entity.js';
import { RatingOverride } from '../targets/rating-override.entity.js';

/** Every entity, listed once, for the app, the tests and the migrations CLI alike. */
export const ENTITIES = [Region, Chain, ChainTarget, YearTarget, Project, ProjectHistory, ListEntry, ReportRevision, RatingOverride, Bulletin, User, AppSetting, AuthSession, ProjectComment, AuditEntry, PlaceRule, PlanAdjustment, ImportMapping, Department, FactorRequest, RequestTransition, ApprovalStatusRow, ProjectYearFigure, WriteCounter, LoginAttempt, DisplayToken];
