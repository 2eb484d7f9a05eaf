// @ts-check
// Excel 导入导出: upload a ledger or a month's reports (a dry run first, shown as a table of
// row errors, the stage each row gets and why, the rows not imported, and a column-mapping
// editor for headers the server does not know; then confirm), with a progress bar fed by the
// import job; and download the ledger and a published bulletin.
import { api, ApiError, download } from '/shared/api.js';
import { $, $of, control, fieldValue, h } from '/shared/dom.js';
import { monthLabel, monthsUpTo, yearOf } from '/shared/period.js';
import { IMPORT_PHASE_LABELS } from '/shared/labels.js';
import { messageOf } from '/shared/messages.js';
import { hideResult, mappingFromEditor, showResult } from './excel-import-result.js';
import { referenceData, run, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {import('/shared/types.js').ImportResult} ImportResult */
/** @typedef {import('/shared/types.js').ImportJob} ImportJob */
/** @typedef {ImportJob['phase']} JobPhase */
/** @typedef {import('/shared/types.js').BulletinSummary} BulletinSummary */
/** @typedef {import('./excel-import-result.js').ColumnMapping} ColumnMapping */
/** @typedef {{ path: string, query: URLSearchParams }} ImportTarget */

/** @type {WorkbenchContext} */
let context;
/** Whether the last dry run, of the form as it is now, found no errors (the confirm button commits it). */
let checked = false;
/** @type {ColumnMapping | null} the column mapping the user confirmed in the editor for this file */
let mapping = null;
/** @type {Record<number, number>} months closed by a published bulletin: year → the last month closed (a bulletin closes its year's months up to its own) */
let closedThrough = {};

/** How often the page asks the server how far an import job is. */
const POLL_MS = 250;

const importForm = () => $of(HTMLFormElement, '#import-form');
const commitButton = () => $of(HTMLButtonElement, '[data-testid="import-commit"]');

/** The month of a published bulletin that closes `month`, or null while it is open. */
function closingOf(/** @type {string} */ month) {
  const [year, m] = month.split('-').map(Number);
  const closed = closedThrough[year];
  return closed !== undefined && closed >= m ? closed : null;
}

/** Where the form's file goes: the ledger, or the chosen month's reports (with the correction reason of a closed month). */
function importTarget(/** @type {HTMLFormElement} */ form) {
  const month = control(form, 'month').value;
  const query = new URLSearchParams();
  const region = control(form, 'region').value;
  if (region && context.user.role === 'admin') query.set('region', region);
  if (fieldValue(form, 'kind') === 'ledger') return { path: '/api/imports/ledger', query };
  const reason = control(form, 'reason').value.trim();
  if (closingOf(month) !== null && reason) query.set('reason', reason);
  return { path: `/api/imports/reports/${month}`, query };
}

/** The correction reason is asked for a month sheet of a closed month only. */
function showReason(/** @type {HTMLFormElement} */ form) {
  const month = control(form, 'month').value;
  const closing = fieldValue(form, 'kind') === 'reports' ? closingOf(month) : null;
  $('[data-role="import-reason"]').hidden = closing === null;
  if (closing !== null) $('[data-role="closed-note"]').textContent = `（${month.slice(0, 4)}年${closing}月通报已发布）`;
}

function setImportStatus(/** @type {'info' | 'ok' | 'error'} */ kind, /** @type {string} */ text) {
  const status = $('[data-testid="import-status"]');
  status.dataset.kind = kind;
  status.textContent = text;
}

function showProgress(/** @type {JobPhase} */ phase, /** @type {number} */ done, /** @type {number} */ total) {
  const box = $('[data-testid="import-progress"]');
  box.hidden = false;
  box.dataset.phase = phase;
  const bar = $of(HTMLProgressElement, 'progress', box);
  bar.max = Math.max(1, total);
  bar.value = phase === 'done' ? bar.max : Math.min(done, total);
  const unit = phase === 'parsing' ? '行（工作簿）' : '行';
  const ended = phase === 'done' || phase === 'failed';
  const label = IMPORT_PHASE_LABELS[phase];
  $('[data-role="progress-text"]', box).textContent = total > 0 ? `${label}：${done} / ${total} ${unit}` : ended ? label : `${label}…`;
}

/** What an ended job answers: its result, or its refusal thrown as the ApiError the import would have answered. */
function outcomeOf(/** @type {ImportJob} */ job) {
  if (job.result) return job.result;
  const error = job.error ?? { statusCode: 500, message: '导入未完成，请重试', details: [] };
  throw new ApiError(error.statusCode, error.message, { ...error, error: '' });
}

/**
 * Starts the import as a job and follows it to its end.
 * @param {string} path
 * @param {FormData} body
 * @returns {Promise<ImportResult>}
 */
async function runJob(path, body) {
  /** @type {{ jobId: string }} */
  const { jobId } = await api(path, { method: 'POST', body });
  for (;;) {
    /** @type {ImportJob} */
    const job = await api(`/api/imports/jobs/${encodeURIComponent(jobId)}`);
    showProgress(job.phase, job.done, job.total);
    if (job.phase === 'done' || job.phase === 'failed') return outcomeOf(job);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Uploads the chosen file as a dry run or a commit; null when no file is chosen. */
async function upload(/** @type {HTMLFormElement} */ form, /** @type {boolean} */ commit) {
  const file = $of(HTMLInputElement, '#import-file').files?.[0];
  if (!file) {
    setImportStatus('error', '请先选择 Excel 文件');
    return null;
  }
  const target = importTarget(form);
  const data = new FormData();
  data.append('file', file, file.name);
  if (mapping) data.append('mapping', JSON.stringify(mapping));
  if (commit) target.query.set('commit', 'true');
  target.query.set('async', 'true');
  showProgress('parsing', 0, 0);
  return runJob(`${target.path}?${target.query}`, data);
}

function invalidate() {
  checked = false;
  commitButton().disabled = true;
}

async function check(/** @type {HTMLFormElement} */ form) {
  invalidate();
  hideResult();
  setImportStatus('info', '正在检查…');
  try {
    const result = await upload(form, false);
    if (!result) return;
    showResult(result);
    checked = result.errors.length === 0;
    commitButton().disabled = !checked;
    setImportStatus(checked ? 'ok' : 'error', checked ? '检查通过，可以确认导入' : result.mapping.required ? '列对应待确认：请在下方为各列选择含义后重新检查' : '检查未通过');
  } catch (error) {
    setImportStatus('error', messageOf(error));
  }
}

async function commit(/** @type {HTMLFormElement} */ form) {
  if (!checked) return;
  const button = commitButton();
  button.disabled = true;
  setImportStatus('info', '正在导入…');
  try {
    const result = await upload(form, true);
    if (!result) return;
    showResult(result);
    setImportStatus(result.committed ? 'ok' : 'error', result.committed ? '导入完成' : '导入未执行：文件有错误，未写入任何数据');
    checked = false;
  } catch (error) {
    setImportStatus('error', messageOf(error));
    button.disabled = false;
  }
}

async function wireImport() {
  const form = importForm();
  const month = $of(HTMLSelectElement, '[data-testid="import-month"]');
  month.replaceChildren(...monthsUpTo(context.currentMonth).map((m) => h('option', { value: m }, monthLabel(m))));
  month.value = context.defaultMonth;
  $('[data-testid="import-panel"]').hidden = !context.canEdit;
  const admin = context.user.role === 'admin';
  // the ledger is the city office's; a county imports its month sheets
  $('[data-role="ledger-kind"]').hidden = !admin;
  // the city office says which county a file comes from (its kept column mapping applies); a county's files are its own
  $('[data-role="import-region"]').hidden = !admin;
  if (admin) {
    const { regions } = await referenceData();
    $of(HTMLSelectElement, '[data-testid="import-region"]').append(...regions.map((r) => h('option', { value: r.code }, r.name)));
  }
  form.addEventListener('change', (event) => {
    // a mapping belongs to one file of one kind: another kind (or file) starts without it
    if (event.target instanceof HTMLInputElement && (event.target.name === 'kind' || event.target.name === 'file')) mapping = null;
    invalidate();
    showReason(form);
  });
  $('[data-testid="mapping-apply"]').addEventListener('click', () => {
    mapping = mappingFromEditor();
    form.requestSubmit();
  });
  const fileInput = $of(HTMLInputElement, '#import-file');
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    $('[data-testid="import-file-name"]').textContent = file ? `${file.name}（${Math.max(1, Math.round(file.size / 1024))} KB）` : '未选择文件';
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void check(form);
  });
  commitButton().addEventListener('click', () => void commit(form));
}

/** Downloads a file, saying how it went under the export buttons. */
async function fetchFile(/** @type {string} */ path, /** @type {string} */ name) {
  const status = $('[data-testid="export-status"]');
  status.dataset.kind = 'info';
  status.textContent = '正在生成…';
  try {
    const file = await download(path, name);
    status.dataset.kind = 'ok';
    status.textContent = `已下载 ${file.name}`;
  } catch (error) {
    status.dataset.kind = 'error';
    status.textContent = messageOf(error);
  }
}

async function wireExport() {
  const year = yearOf(context.today);
  const ledgerYear = $of(HTMLSelectElement, '#ledger-year');
  ledgerYear.replaceChildren(...[year + 1, year, year - 1, year - 2].map((y) => h('option', { value: String(y) }, `${y}年`)));
  ledgerYear.value = String(year);
  /** @type {Promise<BulletinSummary[]>} */
  const read = api('/api/bulletins');
  // without the list (a failed read) only the ledger can be exported
  const bulletins = await read.catch(() => []);
  closedThrough = {};
  for (const b of bulletins) closedThrough[b.year] = Math.max(closedThrough[b.year] ?? 0, b.month);
  showReason(importForm());
  const published = bulletins.map((b) => `${b.year}-${String(b.month).padStart(2, '0')}`).sort().reverse();
  const bulletinSelect = $of(HTMLSelectElement, '#bulletin-month');
  bulletinSelect.replaceChildren(...(published.length ? published.map((m) => h('option', { value: m }, monthLabel(m))) : [h('option', { value: '' }, '尚无已发布的月通报')]));
  const bulletinButton = $of(HTMLButtonElement, '[data-testid="export-bulletin"]');
  bulletinButton.disabled = !published.length;
  const docxButton = $of(HTMLButtonElement, '[data-testid="export-bulletin-docx"]');
  docxButton.disabled = !published.length;
  $('[data-testid="export-ledger"]').addEventListener('click', () => void fetchFile(`/api/exports/ledger.xlsx?year=${ledgerYear.value}`, `项目台账-${ledgerYear.value}.xlsx`));
  bulletinButton.addEventListener('click', () => {
    const [y, m] = bulletinSelect.value.split('-');
    if (y) void fetchFile(`/api/exports/bulletins/${y}/${Number(m)}.xlsx`, `月通报-${y}年${Number(m)}月.xlsx`);
  });
  docxButton.addEventListener('click', () => {
    const [y, m] = bulletinSelect.value.split('-');
    if (y) void fetchFile(`/api/exports/bulletins/${y}/${Number(m)}.docx`, `月通报-${y}年${Number(m)}月.docx`);
  });
}

run(async () => {
  context = await startPage('excel');
  await wireImport();
  await wireExport();
  document.body.dataset.state = 'ready';
});
