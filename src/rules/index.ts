/** rules: the module's public face — what other modules may use (docs/architecture.md). */
export { attractionWarnings } from './attraction-warnings.js';
export { DEAL_OVER_100M_WAN, attractionFigure, countByQuarter, fundedInPeriodSql, landedInPeriodSql, rateMet, signedInPeriodSql, type AttractionFigure, type CountAgainstTarget } from './attraction.js';
export { PLACE_SIZE_COUNTS_SQL, bigProjectsBlock, bigProjectsSql, placeCountChecks, type BigProject, type BigProjectsBlock, type PlaceCountCheck } from './big-projects.js';
export { isKeyProjectSql } from './key-projects.js';
export { STANDARD_MILESTONES, isMilestoneOverdue, milestoneCurve, milestoneOverdueReason, overdueMilestoneOf, overdueMilestoneSql, type MilestoneDates } from './milestones.js';
export { FUND_REVISIONS, INDICATOR_REVISIONS, NOTE_REVISIONS, isLatestRevisionSql } from './latest-revision.js';
export { CLOSING_BULLETIN_SQL, bulletinCoversSql, closingBulletinOf, correctionReasonFailure } from './month-closed.js';
export { frozenChangeFailures, keyDesignationFailures, publishFailures, type PlanStatus } from './plan-freeze.js';
export { expectedWan, progressAgainstTarget, projectExpected12Sql, ratingOf, ratioOf, type Progress, type Rating, type Thresholds } from './progress.js';
export { formatQuantity, parseQuantity } from './quantities.js';
export { rankChange, rankRegions, type RankedTotals } from './ranking.js';
export { CONDITIONAL_COMMITMENTS_SQL, conditionalCommitmentsSql, LAST_HALT_EVENTS_SQL, hasHaltEventsSql, lastHaltEventSql, type RedListAt, conditionalOverdueReason, conditionalOverdueSql, haltedReason, haltedSql, laggingReason, laggingSql, overdueReferenceDate, overdueStartReason, overdueStartSql, type RedListKind } from './red-list.js';
export { dueToReportSql, filedSql, reportingParams, wasDueToReportSql } from './reporting.js';
export { daysOverdue, meanDays, requestDueSql, requestOpenSql, requestOverdueSql } from './request-overdue.js';
export { rolloverOf, type RolloverKind } from './rollover.js';
export { monthOfYearSql, startRate, startedInYearSql } from './start-rate.js';
export { boardWarnings, type Warning } from './warnings.js';
export { addWorkingDays, dayNumber } from './working-days.js';
