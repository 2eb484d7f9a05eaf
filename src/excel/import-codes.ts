/**
 * The codes an import's answer carries, each named in words by src/common/labels.ts (the
 * workbench's Excel page shows them). A plain module without imports, so that the labels,
 * and the pages' type check through them, can refer to these codes.
 */

/** Which evidence in a ledger row decided the project's stage (docs/excel-import.md "Stage from evidence"). */
export const EVIDENCE = ['completionDate', 'startDate', 'stageText', 'listCategory', 'sheetName', 'recorded', 'none'] as const;
export type Evidence = (typeof EVIDENCE)[number];

/** Why a row below a header was not read (blank, 合计/小计, a section row, notes below the table), or a whole sheet. */
export const SKIP_KINDS = ['blank', 'total', 'section', 'note', 'sheet'] as const;
export type SkipKind = (typeof SKIP_KINDS)[number];

/** How a column's meaning was found: the header's words (rules), the region's kept mapping, the request's, or not at all. */
export const MAPPING_SOURCES = ['rules', 'saved', 'given', 'none'] as const;
export type MappingSource = (typeof MAPPING_SOURCES)[number];

/** Where an import job stands: waiting its turn, reading the workbook, checking (dry run) or applying its rows, then done or failed. */
export const JOB_PHASES = ['queued', 'parsing', 'validating', 'applying', 'done', 'failed'] as const;
export type JobPhase = (typeof JOB_PHASES)[number];
