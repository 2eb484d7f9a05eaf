// @ts-check
// The API's shapes as the pages read them, for the browser type check (tsconfig.web.json):
// docs/development.md "API types". Where the OpenAPI document declares an answer, the typedef is an alias
// of the type generated from it (src/web/types/api-types.d.ts, `npm run api:types`), so a page that
// reads a field the API does not send fails `npm run check`. The others (answers the document does
// not declare yet) still point at the server's own declaration or are written here beside the
// declaration they copy; they move to the generated types as their answers are declared.
// Money is integer 万元 throughout.

/**
 * A schema of the OpenAPI document by name.
 * @template {keyof import('../types/api-types.js').components['schemas']} Name
 * @typedef {import('../types/api.js').Schema<Name>} Schema
 */

/**
 * The JSON success answer an operation of the OpenAPI document declares.
 * @template {keyof import('../types/api-types.js').paths} Path
 * @template {'get' | 'put' | 'post' | 'delete' | 'patch'} [Method='get']
 * @typedef {import('../types/api.js').Answer<Path, Method>} Answer
 */

/** @typedef {keyof typeof import('/shared/labels.js').STAGE_LABELS} Stage */
/** @typedef {keyof typeof import('/shared/labels.js').EVENT_LABELS} EventType */
/** @typedef {keyof typeof import('/shared/labels.js').APPROVAL_LABELS} ApprovalKey */
/** @typedef {keyof typeof import('/shared/labels.js').LIST_LABELS} ListCategory */
/** @typedef {keyof typeof import('/shared/labels.js').ROLE_LABELS} Role */

// ------------------------------------------------------------------ errors (src/common/all-exceptions.filter.ts)

/** @typedef {{ field?: string, code: string, message: string }} ErrorDetail */

/**
 * The one JSON error shape of the API.
 * @typedef {object} ApiErrorBody
 * @property {number} statusCode
 * @property {string} error
 * @property {string} message
 * @property {ErrorDetail[]} details
 * @property {string} [requestId] the request's id (X-Request-Id), to match a report to the server's log
 */

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

/** @typedef {{ code: string, name: string, kind: 'county' | 'zone', bigProjectRequired: boolean }} RegionView src/reference/reference.service.ts */

/**
 * src/reference/reference.service.ts `ChainView`.
 * @typedef {object} ChainView
 * @property {string} code
 * @property {number} no
 * @property {string} name
 * @property {boolean} flagship
 * @property {string} leadUnit
 * @property {Record<string, { projects: number, investment: number }>} targets year → targets
 */

/** @typedef {import('../../periods/default-period.js').DefaultPeriod} DefaultPeriod */

// ------------------------------------------------------------------ the target board (src/targets/dashboard.types.ts)

/** @typedef {import('../../board/dashboard.types.js').Rating} Rating */
/** @typedef {import('../../board/dashboard.types.js').Rated} Rated */
/** @typedef {import('../../board/dashboard.types.js').Dashboard} Dashboard */
/** @typedef {import('../../board/dashboard.types.js').InvestmentBlock} InvestmentBlock */
/** @typedef {import('../../board/dashboard.types.js').BigProjectsBlock} BigProjectsBlock */
/** @typedef {import('../../board/dashboard.types.js').ChainRow} ChainRow */
/** @typedef {import('../../board/dashboard.types.js').RegionRow} RegionRow */
/** @typedef {import('../../board/dashboard.types.js').RedListItem} RedListItem */
/** @typedef {import('../../board/dashboard.types.js').RedListKind} RedListKind */
/** @typedef {import('../../board/dashboard.types.js').Warning} Warning */
/** @typedef {import('../../board/dashboard.types.js').FactorGuaranteeBlock} FactorGuaranteeBlock */
/** @typedef {import('../../board/dashboard.types.js').ResponsibilityCoverage} ResponsibilityCoverage */

/**
 * One month of the implementation list's curve (src/targets/dashboard.service.ts `CurvePoint`).
 * @typedef {object} CurvePoint
 * @property {number} month
 * @property {number} actual
 * @property {number} cumulativeActual
 * @property {number} cumulativeExpected
 * @property {number | null} ratio
 */

/**
 * A listed project on the board (src/targets/dashboard.service.ts `ListedProjectRow`).
 * @typedef {object} ListedProjectRow
 * @property {number} projectId
 * @property {string} code
 * @property {string} name
 * @property {string | null} region
 * @property {string | null} chain
 * @property {ListCategory} category
 * @property {Stage} stage
 * @property {number | null} totalInvestment
 * @property {number} plan
 * @property {number} actual
 * @property {number} expected
 * @property {number | null} ratio
 * @property {Rating | null} rating
 * @property {string | null} actualStartDate
 * @property {string | null} plannedStartDate
 */

/** @typedef {{ month: string, total: number }} MissingReports src/reports/reports.service.ts (the pages read the total) */

// ------------------------------------------------------------------ projects (src/projects/project.view.ts)

/** @typedef {{ year: number, category: ListCategory, plannedInvestment: number }} ListMembership */

/**
 * @typedef {object} ProjectView
 * @property {number} id
 * @property {string} code
 * @property {string} name
 * @property {string | null} ownerEnterprise
 * @property {string | null} region
 * @property {string | null} chain
 * @property {number | null} totalInvestment
 * @property {string | null} content
 * @property {string | null} plannedStartDate
 * @property {string | null} actualStartDate
 * @property {string | null} plannedCompletionDate
 * @property {string | null} actualCompletionDate
 * @property {Record<ApprovalKey, string | null>} approvals
 * @property {Stage} stage
 * @property {string} stageLabel
 * @property {EventType[]} allowedEvents
 * @property {number} version
 * @property {string} createdAt
 * @property {string} updatedAt
 * @property {ListMembership[]} [lists]
 * @property {ApprovalDetails} [approvalDetails] one project read only: each approval's status (督办, 容缺受理)
 * @property {ProjectMilestone[]} [milestones] one project read only: its milestones (节点), each marked overdue or not
 * @property {import('../../people/people.types.js').ProjectResponsibilityView} [responsibility] one project read only: 包联领导, 专员, 联系人
 */

/** @typedef {import('../../project-records/milestone.types.js').MilestoneView} MilestoneView */
/** @typedef {import('../../project-records/milestone.types.js').ProjectMilestone} ProjectMilestone */

/**
 * One entry of a project's history (src/projects/projects.service.ts `HistoryView`).
 * `data`: for `updated`, { column: { from, to } }; for `list`, { year, action, before, after }; for
 * `lead` (the project came from a 招商 lead's 落地), { lead: { id, name, investor, … } }.
 * @typedef {object} HistoryEntry
 * @property {number} id
 * @property {'created' | 'updated' | 'transition' | 'list' | 'request' | 'lead' | 'responsibility'} kind
 * @property {EventType | null} event
 * @property {Stage | null} fromStage
 * @property {Stage | null} toStage
 * @property {string | null} effectiveDate
 * @property {string | null} reason
 * @property {unknown} data
 * @property {string} actor
 * @property {string} recordedAt
 */

/**
 * A month's latest report (src/reports/reports.service.ts `MonthReportView`).
 * @typedef {object} ReportView
 * @property {number} projectId
 * @property {string} month
 * @property {number} revision
 * @property {number} revisions
 * @property {number} amount
 * @property {string | null} progress
 * @property {string | null} problems
 * @property {string} actor
 * @property {string} recordedAt
 * @property {boolean} correction
 * @property {string | null} reason
 */

/**
 * The answer to filing a report (src/reports/reports.service.ts `FiledReport`): the revision,
 * the project's cumulative reports, flags (cumulativeAboveTotal) and whether it was the first.
 * @typedef {Omit<ReportView, 'revisions'> & { cumulative: number, flags: string[], created: boolean, requests: RaisedRequest[] }} FiledReport
 */

// ------------------------------------------------------------------ the workbench (src/workbench/workbench.service.ts)

/**
 * @typedef {object} WorkbenchContext
 * @property {string} today
 * @property {string} currentMonth
 * @property {string} defaultMonth
 * @property {{ username: string, role: Role, region: string | null, regionName: string | null, chain: string | null, chainName: string | null, department: string | null, departmentName: string | null, personId: number | null }} user
 * @property {boolean} canEdit
 * @property {boolean} readOnly the role writes nothing (the header's 只读)
 */

/**
 * @typedef {ProjectView & {
 *   regionName: string | null,
 *   chainName: string | null,
 *   listCategory: ListCategory | null,
 *   report: { status: 'filed' | 'missing' | 'notDue', amount: number | null },
 *   rating: Rating | null,
 *   ratingReason: 'progress' | 'overdueStart' | 'conditionalOverdue' | null,
 *   ratio: number | null,
 * }} WorkbenchProjectRow
 */

/**
 * @typedef {object} WorkbenchProjectPage
 * @property {string} month
 * @property {string} today
 * @property {WorkbenchProjectRow[]} items
 * @property {number} total
 * @property {number} page
 * @property {number} pageSize
 * @property {{ due: number, filed: number, missing: number }} reports
 */

/** @typedef {Omit<ReportView, 'projectId'>} SheetReport */

/**
 * @typedef {object} ReportSheetRow
 * @property {number} projectId
 * @property {string} code
 * @property {string} name
 * @property {Stage} stage
 * @property {string} stageLabel
 * @property {string | null} region
 * @property {string | null} regionName
 * @property {string | null} chain
 * @property {string | null} chainName
 * @property {string | null} actualStartDate
 * @property {string | null} actualCompletionDate
 * @property {number | null} totalInvestment
 * @property {ListCategory | null} listCategory
 * @property {SheetReport | null} report
 * @property {SheetReport | null} previous
 * @property {number} yearToDateBefore
 * @property {ProjectMilestone[]} milestones its milestones not yet reached (the form records their actual dates)
 */

/**
 * @typedef {object} ReportSheet
 * @property {string} month
 * @property {string} today
 * @property {string} currentMonth
 * @property {{ year: number, month: number } | null} closedBy
 * @property {ReportSheetRow[]} rows
 */

// ------------------------------------------------------------------ 要素保障 (src/requests/request.types.ts)

/** @typedef {import('../../requests/request.types.js').RequestView} RequestView */
/** @typedef {import('../../requests/request.types.js').RequestDetail} RequestDetail */
/** @typedef {import('../../requests/request.types.js').RequestTransitionView} RequestTransitionView */
/** @typedef {import('../../requests/request.types.js').MonthLists} MonthLists */
/** @typedef {import('../../requests/request-groups.service.js').RequestGroupView} RequestGroupView */
/** @typedef {import('../../requests/request-states.js').GroupEventType} GroupEventType */
/** @typedef {import('../../requests/factor-guarantee.types.js').FactorTotals} FactorTotals */
/** @typedef {import('../../reference/reference.types.js').DepartmentView} DepartmentView */
/** @typedef {import('../../auth/auth.service.js').UserView} UserView */
/** @typedef {import('../../auth/users.types.js').UserRules} UserRules */
/** @typedef {import('../../auth/users.types.js').ActorName} ActorName */
/** @typedef {import('../../project-records/approval-details.types.js').ApprovalDetail} ApprovalDetail */
/** @typedef {import('../../project-records/approval-details.types.js').ApprovalDetails} ApprovalDetails */
/** @typedef {import('../../requests/request.types.js').RaisedRequest} RaisedRequest */

// ------------------------------------------------------------------ 招商 (src/attraction/attraction.types.ts)

/** @typedef {import('../../attraction/attraction.types.js').AttractionBlock} AttractionBlock */
/** @typedef {import('../../attraction/attraction.types.js').AttractionChainRow} AttractionChainRow */
/** @typedef {import('../../attraction/attraction.types.js').AttractionFigure} AttractionFigure */
/** @typedef {import('../../board/dashboard.types.js').ChainPageView} ChainPage */
/** @typedef {import('../../attraction/attraction.types.js').LeadSummary} LeadSummary */
/** @typedef {import('../../attraction/attraction.types.js').LeadView} LeadView */
/** @typedef {import('../../attraction/attraction.types.js').FiledFund} FiledFund */
/** @typedef {import('../../attraction/attraction.types.js').IndicatorFiling} IndicatorFiling */
/** @typedef {import('../../attraction/attraction.types.js').ChainNoteView} ChainNoteView */

// ------------------------------------------------------------------ who answers for what (src/people/people.types.ts)

/** @typedef {import('../../people/people.types.js').PersonView} PersonView */
/** @typedef {import('../../people/people.types.js').PersonRef} PersonRef */
/** @typedef {import('../../people/people.types.js').ChainResponsibilityView} ChainResponsibilityView */
/** @typedef {import('../../people/people.types.js').ProjectResponsibilityView} ProjectResponsibilityView */
/** @typedef {import('../../people/people.types.js').ActivityView} ActivityView */
/** @typedef {import('../../people/people.types.js').ResponsibleNames} ResponsibleNames */
/** @typedef {import('../../people/people.types.js').ResponsibleRole} ResponsibleRole */
/** @typedef {import('../../workbench/home.types.js').LeaderHome} LeaderHome */
/** @typedef {import('../../workbench/home.types.js').HomeProject} HomeProject */
/** @typedef {import('../../workbench/home.types.js').HomeChain} HomeChain */

// ------------------------------------------------------------------ bulletins and Excel

/** @typedef {{ year: number, month: number, publishedAt: string, publishedBy: string, hash: string, checkpoint: { seq: number, hash: string } | null }} BulletinSummary src/bulletins/bulletins.service.ts */
/** @typedef {import('../../bulletins/commentary.types.js').CommentaryDraft} CommentaryDraft */
/** @typedef {import('../../bulletins/commentary.types.js').CommentaryText} CommentaryText */
/** @typedef {import('../../bulletins/commentary.types.js').CommentaryView} CommentaryView */
/** @typedef {import('../../bulletins/commentary.types.js').CommentaryRevisionView} CommentaryRevisionView */

// ------------------------------------------------------------------ display tokens (src/auth/display-tokens.service.ts)

/**
 * @typedef {object} DisplayTokenView
 * @property {number} id
 * @property {string} name
 * @property {string} createdAt
 * @property {string} createdBy
 * @property {string} expiresAt
 * @property {string | null} lastUsedAt
 * @property {string | null} revokedAt
 * @property {string | null} revokedBy
 * @property {'active' | 'expired' | 'revoked'} status
 */

/** @typedef {{ id: number, name: string, token: string, expiresAt: string }} IssuedDisplayToken shown once, when made */

// ------------------------------------------------------------------ Excel imports (generated)

/** @typedef {Schema<'RowError'>} RowError */
/** @typedef {Schema<'StageDecisionView'>} StageDecisionView */
/** @typedef {Schema<'SkippedView'>} SkippedView */
/** @typedef {Schema<'MappingColumn'>} MappingColumn a header of the file and how it is read */
/** @typedef {Schema<'MappingView'>} MappingView the column mapping of an import */
/** @typedef {Answer<'/api/imports/ledger', 'post'>} ImportResult what a dry run or a commit answers (a ledger or a month sheet) */
/**
 * An import run as a job: `result` once done, `error` (the refusal the import would have
 * answered) once failed. The document gives the error's `details` no shape yet (objects of
 * unknown fields): they are the error shape's details.
 * @typedef {Omit<Answer<'/api/imports/jobs/{id}'>, 'error'> & { error?: Omit<Schema<'JobError'>, 'details'> & { details: ErrorDetail[] } }} ImportJob
 */

// ------------------------------------------------------------------ the session (src/auth/auth.service.ts `SessionView`)

/** @typedef {{ username: string, role: Role, region: string | null, chain: string | null }} SessionUser */
/** @typedef {{ csrfToken: string, user: SessionUser }} SessionView */

export {};

/** @typedef {import('../../plans/plan.types.js').PlanView} PlanView */
/** @typedef {import('../../plans/plan.types.js').ChainPlanView} ChainPlanView */
/** @typedef {import('../../plans/plan.types.js').PlaceRuleView} PlaceRuleView */
/** @typedef {import('../../plans/plan.types.js').RolloverProposal} RolloverProposal */
/** @typedef {import('../../plans/plan.types.js').RolloverEntry} RolloverEntry */
/** @typedef {import('../../plans/plan.types.js').AdjustmentView} AdjustmentView */
/** @typedef {{ year: number, status: string, publishedAt: string | null }} PlanYear */

// ------------------------------------------------------------------ notifications (src/notifications/)

/** @typedef {import('../../notifications/notifications.service.js').InboxView} InboxView */
/** @typedef {InboxView['items'][number]} InboxItemView */
/** @typedef {{ failingChannels: { id: number, unit: { kind: string, code: string | null }, type: string, failingSince: string | null, consecutiveFailures: number }[] }} NotificationsHealth */
/** @typedef {import('../../notifications/channels.service.js').ChannelView} ChannelView */
/** @typedef {import('../../notifications/notifications.service.js').DeliveryView} DeliveryView */
/** @typedef {import('../../notifications/notifications.service.js').RunResult} RunResult */
/** @typedef {import('../../notifications/notice-settings.js').NoticeSettings} NoticeSettings */
