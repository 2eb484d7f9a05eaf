// @ts-check
// The API's shapes as the pages read them, for the browser type check (tsconfig.web.json):
// docs/development.md "API types". Each answer's typedef is an alias of the type generated from the
// OpenAPI document (generated/api-types.d.ts, `npm run api:types`): `Answer<path, method>` for
// an operation's JSON answer, `Schema<name>` for a schema. So a page that reads a field the API does
// not declare fails `npm run check`. Written here still: the page container over an item type,
// and the keys of labels.
// Money is integer 万元 throughout.

/**
 * A schema of the OpenAPI document by name.
 * @template {keyof import('../../../generated/api-types.js').components['schemas']} Name
 * @typedef {import('../types/api.js').Schema<Name>} Schema
 */

/**
 * The JSON success answer an operation of the OpenAPI document declares.
 * @template {keyof import('../../../generated/api-types.js').paths} Path
 * @template {'get' | 'put' | 'post' | 'delete' | 'patch'} [Method='get']
 * @typedef {import('../types/api.js').Answer<Path, Method>} Answer
 */

/** @typedef {keyof typeof import('/shared/labels.js').EVENT_LABELS} EventType */
/** @typedef {keyof typeof import('/shared/labels.js').APPROVAL_LABELS} ApprovalKey */

// ------------------------------------------------------------------ errors

/** @typedef {Schema<'ApiError'>} ApiErrorBody the one JSON error shape of the API */

// ------------------------------------------------------------------ lists and reference data

/**
 * A page of a list: the one page shape of the API (src/common/api-docs.ts `pageSchema`), over an
 * item type (generated, where the list is declared).
 * @template T
 * @typedef {object} Page
 * @property {T[]} items
 * @property {number} total
 * @property {number} page
 * @property {number} pageSize
 * @property {string | null} [next] lists that seek: the cursor of the following page
 */

/** @typedef {Answer<'/api/regions'>[number]} RegionView */
/** @typedef {Answer<'/api/chains'>[number]} ChainView */
/** @typedef {Answer<'/api/departments'>[number]} DepartmentView */
/** @typedef {Answer<'/api/periods/default'>} DefaultPeriod */

// ------------------------------------------------------------------ the target board

/** @typedef {Answer<'/api/dashboard/{year}'>} Dashboard */
/** @typedef {Dashboard['investment']} InvestmentBlock */
/** @typedef {NonNullable<InvestmentBlock['rating']>} Rating */
/** @typedef {Pick<InvestmentBlock, 'rating' | 'computedRating' | 'override'>} Rated what every rated block carries: the colour shown, the computed one, the override */
/** @typedef {Dashboard['redList'][number]} RedListItem */
/** @typedef {RedListItem['kind']} RedListKind */
/** @typedef {Dashboard['warnings'][number]} Warning */
/** @typedef {Answer<'/api/dashboard/{year}/curve'>[number]} CurvePoint one month of the implementation list's curve */
/** @typedef {Answer<'/api/dashboard/{year}/projects'>['items'][number]} ListedProjectRow a listed project on the board */
/** @typedef {Answer<'/api/chains/{code}/page/{year}'>} ChainPage */

/** @typedef {Answer<'/api/reports/missing'>} MissingReports */

// ------------------------------------------------------------------ projects

/** @typedef {Answer<'/api/projects/{id}'>} ProjectView */
/** @typedef {Answer<'/api/projects/{id}/milestones'>[number]} MilestoneView */
/** @typedef {NonNullable<ProjectView['milestones']>[number]} ProjectMilestone a milestone as the one project read gives it, marked overdue or not */
/** @typedef {NonNullable<ProjectView['approvalDetails']>} ApprovalDetails */
/** @typedef {ApprovalDetails[ApprovalKey]} ApprovalDetail */

/**
 * One entry of a project's history. `data`: for `updated`, { column: { from, to } }; for `list`,
 * { year, action, before, after }; for `lead` (the project came from a 招商 lead's 落地),
 * { lead: { id, name, investor, … } }.
 * @typedef {Answer<'/api/projects/{id}/history'>[number]} HistoryEntry
 */

/** @typedef {Answer<'/api/projects/{id}/reports'>[number]} ReportView a month's latest report */

/**
 * The answer to filing a report: the revision, the project's cumulative reports, flags
 * (cumulativeAboveTotal), whether it was the first, and the requests it raised.
 * @typedef {Answer<'/api/projects/{id}/reports/{month}', 'put'>} FiledReport
 */

// ------------------------------------------------------------------ the workbench

/** @typedef {Answer<'/api/workbench/context'>} WorkbenchContext */
/** @typedef {Answer<'/api/workbench/projects'>} WorkbenchProjectPage */
/** @typedef {WorkbenchProjectPage['items'][number]} WorkbenchProjectRow */
/** @typedef {Answer<'/api/workbench/reports/{month}'>} ReportSheet */
/** @typedef {ReportSheet['rows'][number]} ReportSheetRow */

// ------------------------------------------------------------------ 要素保障

/** @typedef {Answer<'/api/requests'>['items'][number]} RequestView */
/** @typedef {Answer<'/api/requests/{id}'>} RequestDetail */
/** @typedef {Answer<'/api/requests/lists/{month}'>} MonthLists */
/** @typedef {Answer<'/api/requests/groups'>[number]} RequestGroupView */
/** @typedef {Schema<'GroupEventDto'>['type']} GroupEventType */
/** @typedef {Answer<'/api/requests/totals/{month}'>} FactorTotals */

// ------------------------------------------------------------------ users (src/auth/)

/** @typedef {Answer<'/api/users'>[number]} UserView */
/** @typedef {Answer<'/api/users/rules'>} UserRules */
/** @typedef {Answer<'/api/users/names'>[number]} ActorName */

// ------------------------------------------------------------------ 招商

/** @typedef {Dashboard['attraction']} AttractionBlock */
/** @typedef {AttractionBlock['signed']} AttractionFigure */
/** @typedef {Answer<'/api/leads'>['items'][number]} LeadSummary */
/** @typedef {Answer<'/api/leads/{id}'>} LeadView */
/** @typedef {Answer<'/api/leads/{id}/funds/{month}', 'put'>} FiledFund */
/** @typedef {Answer<'/api/chains/{code}/indicators/{year}/{quarter}', 'put'>} IndicatorFiling */
/** @typedef {Answer<'/api/chains/{code}/notes/{year}', 'put'>} ChainNoteView */

// ------------------------------------------------------------------ who answers for what

/** @typedef {Answer<'/api/people'>[number]} PersonView */
/** @typedef {Answer<'/api/chains/{code}/responsibility/{year}'>} ChainResponsibilityView */
/** @typedef {Answer<'/api/projects/{id}/responsibility'>} ProjectResponsibilityView */
/** @typedef {NonNullable<ProjectResponsibilityView['cityLeader']>} PersonRef a person as a responsibility names them */
/** @typedef {Answer<'/api/chains/{code}/activities'>[number]} ActivityView */

/** @typedef {NonNullable<RedListItem['responsible']>} ResponsibleNames who answers for a project, by name */
/** @typedef {Answer<'/api/me/home'>} LeaderHome */
/** @typedef {LeaderHome['projects'][number]} HomeProject */
/** @typedef {LeaderHome['chains'][number]} HomeChain */

// ------------------------------------------------------------------ bulletins

/** @typedef {Answer<'/api/bulletins'>[number]} BulletinSummary */
/** @typedef {Answer<'/api/bulletins/{year}/{month}/draft'>} CommentaryDraft */
/** @typedef {Answer<'/api/bulletins/{year}/{month}/commentary'>} CommentaryView */
/** @typedef {Omit<Schema<'PutCommentaryDto'>, 'reason'>} CommentaryText the words the office writes (the body of PUT …/commentary, less a correction's reason) */

// ------------------------------------------------------------------ display tokens

/** @typedef {Answer<'/api/display-tokens'>[number]} DisplayTokenView */
/** @typedef {Answer<'/api/display-tokens', 'post'>} IssuedDisplayToken shown once, when made */

// ------------------------------------------------------------------ Excel imports

/** @typedef {Schema<'MappingColumn'>} MappingColumn a header of the file and how it is read */
/** @typedef {Schema<'MappingView'>} MappingView the column mapping of an import */
/** @typedef {Answer<'/api/imports/ledger', 'post'>} ImportResult what a dry run or a commit answers (a ledger or a month sheet) */
/** @typedef {Answer<'/api/imports/jobs/{id}'>} ImportJob an import run as a job: `result` once done, `error` (the refusal the import would have answered) once failed */

// ------------------------------------------------------------------ the session

/** @typedef {Answer<'/api/auth/session'>} SessionView */
/** @typedef {SessionView['user']} SessionUser */

// ------------------------------------------------------------------ year plans

/** @typedef {Answer<'/api/targets/{year}'>} PlanView */
/** @typedef {Answer<'/api/targets/{year}/rollover'>} RolloverProposal */
/** @typedef {Answer<'/api/targets'>[number]} PlanYear */

// ------------------------------------------------------------------ notifications

/** @typedef {Answer<'/api/notifications/inbox'>} InboxView */
/** @typedef {InboxView['items'][number]} InboxItemView */
/** @typedef {Answer<'/api/notifications/health'>} NotificationsHealth */
/** @typedef {Answer<'/api/notifications/channels'>[number]} ChannelView */
/** @typedef {Answer<'/api/notifications/deliveries'>[number]} DeliveryView */
/** @typedef {Answer<'/api/notifications/run', 'post'>} RunResult */
/** @typedef {Answer<'/api/notifications/settings'>} NoticeSettings */

export {};
