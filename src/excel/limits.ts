/**
 * Limits on an uploaded workbook. Each keeps a hostile file (zip bomb, a sheet of a million
 * cells, a whole-sheet merge) from costing more than a few seconds and a bounded amount of
 * memory; a real ledger (a few hundred rows, 20–30 columns, well under 1 MB) is far below all.
 */
export const EXCEL_LIMITS = {
  /** Largest upload accepted (413 above). */
  uploadBytes: 5 * 1024 * 1024,
  /** Entries in the zip (an .xlsx has a dozen or two). */
  zipEntries: 500,
  /** Sum of the entries' uncompressed sizes, declared and actual (413 above). */
  uncompressedBytes: 50 * 1024 * 1024,
  /** Cells (`<c>` elements) in all worksheets together, counted before the workbook is parsed. */
  sheetCells: 400_000,
  /** Rows (`<row>` elements) in all worksheets together, counted before the workbook is parsed. */
  sheetRows: 50_000,
  /** Cells covered by merged ranges in all worksheets together. */
  mergedCells: 300_000,
  /** Data rows below the header of the sheet read. */
  dataRows: 5_000,
  /** Columns with content in the sheet read. */
  columns: 50,
  /** Rows searched from the top for the header row (title rows come first). */
  headerSearchRows: 20,
  /** The parser runs in a worker thread with this heap and time; beyond either the file is refused. */
  workerHeapMb: 384,
  workerTimeoutMs: 20_000,
  /** Workbooks parsed at the same time (each in its own worker). */
  concurrentParses: 2,
} as const;
