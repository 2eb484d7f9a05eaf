// Parses an uploaded .xlsx with exceljs (its non-streaming reader: merges and dates work) in a
// worker thread started by workbook-reader.ts with a capped heap and a time limit, and posts
// back every non-empty cell as plain data (the `SheetGrid` type in workbook-reader.ts).
//
// Plain JavaScript so that it runs unchanged from the sources (tests) and from the build.
// The zip has already passed zip-guard.ts (sizes, entry count, cell and merge counts).
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
// The workbook and its reader only, not the package's entry: that also loads the streaming reader
// and writer and their zip libraries (673 modules, ~290 ms of a core, against 278 and ~125 ms), and
// every parse starts a new thread that loads them again.
const Workbook = require('exceljs/lib/doc/workbook.js');
const { ValueType } = require('exceljs/lib/doc/enums.js');

// exceljs turns every data-validation range and every defined name into one object per cell
// it covers: a drop-down list on a whole column (B2:B1048576, common in office ledgers) costs
// a million objects, and a crafted file can ask for billions. The import needs neither, so both
// are skipped here (this worker's own copy of exceljs; the app's is untouched).
const DataValidationsXform = require('exceljs/lib/xlsx/xform/sheet/data-validations-xform.js');
const parseClose = DataValidationsXform.prototype.parseClose;
DataValidationsXform.prototype.parseClose = function skipExpansion(name) {
  if (name === 'dataValidation') return true;
  return parseClose.call(this, name);
};
const DefinedNames = require('exceljs/lib/doc/defined-names.js');
const definedNamesModel = Object.getOwnPropertyDescriptor(DefinedNames.prototype, 'model');
Object.defineProperty(DefinedNames.prototype, 'model', {
  ...definedNamesModel,
  set() {
    this.matrixMap = {};
  },
});
DefinedNames.prototype.addEx = function ignoreDefinedName() {};

const T = ValueType;

function text(value) {
  if (typeof value === 'string') return value;
  if (value && Array.isArray(value.richText)) return value.richText.map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
  if (value === null || value === undefined) return '';
  return String(value);
}

/** One cell's content: s text, n number (with its number format), d date, b boolean, f formula, e error. */
function describe(cell) {
  const value = cell.value;
  switch (cell.type) {
    case T.Null:
      return null;
    case T.Number:
      return cell.numFmt ? { t: 'n', v: value, f: String(cell.numFmt) } : { t: 'n', v: value };
    case T.String:
    case T.SharedString:
      return { t: 's', v: text(value) };
    case T.RichText:
      return { t: 's', v: text(value) };
    case T.Hyperlink:
      return { t: 's', v: text(value && value.text) };
    case T.Date:
      return value instanceof Date && !Number.isNaN(value.getTime()) ? { t: 'd', v: value.toISOString() } : { t: 'e', v: '#DATE!' };
    case T.Boolean:
      return { t: 'b', v: Boolean(value) };
    case T.Formula:
      return { t: 'f' };
    case T.Error:
      return { t: 'e', v: text(value && value.error) };
    default:
      return { t: 'e', v: '#UNKNOWN!' };
  }
}

// Progress for a job (import-jobs.ts): rows converted of all rows, every PROGRESS_STEP rows.
const PROGRESS_STEP = 200;

try {
  const workbook = new Workbook();
  await workbook.xlsx.load(workerData.buffer);
  const total = workbook.worksheets.reduce((sum, sheet) => sum + sheet.actualRowCount, 0);
  let done = 0;
  parentPort.postMessage({ progress: { done, total } });
  const sheets = workbook.worksheets.map((sheet) => {
    const rows = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (++done % PROGRESS_STEP === 0) parentPort.postMessage({ progress: { done, total } });
      const cells = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const base = cell.isMerged ? cell.master : cell;
        const data = describe(base);
        if (data === null) return;
        cells.push(cell.isMerged ? [colNumber, data, [base.row, base.col]] : [colNumber, data]);
      });
      if (cells.length) rows.push([rowNumber, cells]);
    });
    return { name: sheet.name, hidden: sheet.state !== undefined && sheet.state !== 'visible', rows };
  });
  parentPort.postMessage({ ok: true, sheets });
} catch (error) {
  parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
