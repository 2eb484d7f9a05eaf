// Excel 导入导出: upload a ledger or a month's reports (a dry run first, shown as a table of
// row errors, the stage each row gets and why, the rows not imported, and a column-mapping
// editor for headers the server does not know; then confirm), with a progress bar fed by the
// import job; and download the ledger and a published bulletin.

import { api, ApiError, download } from '/shared/api.js';
import { h, $ } from '/shared/dom.js';
import { hideResult, mappingFromEditor, showResult } from './excel-import-result.js';
import { monthLabel, monthsUpTo } from '/shared/format.js';
import { reasonsOf } from '/shared/messages.js';
import { run, startPage } from './shell.js';

let context;
/** The dry run the confirm button would commit: { kind, month, file }. */
let checked = null;
/** The column mapping the user confirmed in the editor for this file, or null. */
let mapping = null;

/** How often the page asks the server how far an import job is. */
const POLL_MS = 250;
const PHASE_LABELS = { parsing: '正在读取文件', validating: '正在检查', applying: '正在导入', done: '完成', failed: '未完成' };

const MISSING_FEATURE = '服务器尚未提供 Excel 导入导出功能';

function messageFor(error) {
  if (error.status === 404 && error.body && typeof error.body.message === 'string' && error.body.message.startsWith('未找到请求的资源')) return MISSING_FEATURE;
  if (error.status === 413) return '文件过大，无法导入';
  return reasonsOf(error).map((r) => r.message).join('；');
}

/** Months closed by a published bulletin (a bulletin closes its year's months up to its own). */
let closedThrough = {};

function closingOf(month) {
  const [y, m] = month.split('-').map(Number);
  return closedThrough[y] !== undefined && closedThrough[y] >= m ? closedThrough[y] : null;
}

function importTarget(form) {
  const kind = form.elements.namedItem('kind').value;
  const month = form.elements.namedItem('month').value;
  const query = new URLSearchParams();
  const region = form.elements.namedItem('region').value;
  if (region && context.user.role === 'admin') query.set('region', region);
  if (kind === 'ledger') return { kind, month, path: '/api/imports/ledger', query };
  const reason = form.elements.namedItem('reason').value.trim();
  if (closingOf(month) !== null && reason) query.set('reason', reason);
  return { kind, month, path: `/api/imports/reports/${month}`, query };
}

function showReason(form) {
  const kind = form.elements.namedItem('kind').value;
  const month = form.elements.namedItem('month').value;
  const closing = kind === 'reports' ? closingOf(month) : null;
  $('[data-role="import-reason"]').hidden = closing === null;
  if (closing !== null) $('[data-role="closed-note"]').textContent = `（${month.slice(0, 4)}年${closing}月通报已发布）`;
}

function setImportStatus(kind, text) {
  const status = $('[data-testid="import-status"]');
  status.dataset.kind = kind;
  status.textContent = text;
}

function showProgress(phase, done, total) {
  const box = $('[data-testid="import-progress"]');
  box.hidden = false;
  box.dataset.phase = phase;
  const bar = $('progress', box);
  bar.max = Math.max(1, total);
  bar.value = phase === 'done' ? bar.max : Math.min(done, total);
  const unit = phase === 'parsing' ? '行（工作簿）' : '行';
  const ended = phase === 'done' || phase === 'failed';
  $('[data-role="progress-text"]', box).textContent = total > 0 ? `${PHASE_LABELS[phase]}：${done} / ${total} ${unit}` : ended ? PHASE_LABELS[phase] : `${PHASE_LABELS[phase]}…`;
}

/** Starts the import as a job and follows it to its end: the result, or the refusal as an ApiError. */
async function runJob(path, body) {
  const { jobId } = await api(path, { method: 'POST', body });
  for (;;) {
    const job = await api(`/api/imports/jobs/${encodeURIComponent(jobId)}`);
    showProgress(job.phase, job.done, job.total);
    if (job.phase === 'done') return job.result;
    if (job.phase === 'failed') throw new ApiError(job.error.statusCode, job.error.message, job.error);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function upload(form, commit) {
  const file = form.elements.namedItem('file').files[0];
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
  const result = await runJob(`${target.path}?${target.query.toString()}`, data);
  return { result, target, file };
}

run(async () => {
  context = await startPage('excel');
  const form = $('#import-form');
  const months = monthsUpTo(context.currentMonth);
  form.elements.namedItem('month').replaceChildren(...months.map((m) => h('option', { value: m }, monthLabel(m))));
  form.elements.namedItem('month').value = context.defaultMonth;
  const commitButton = $('[data-testid="import-commit"]');
  $('[data-testid="import-panel"]').hidden = !context.canEdit;
  // the ledger is the city office's; a county imports its month sheets
  $('[data-role="ledger-kind"]').hidden = context.user.role !== 'admin';
  // the city office says which county a file comes from (its kept column mapping applies); a county's files are its own
  $('[data-role="import-region"]').hidden = context.user.role !== 'admin';
  if (context.user.role === 'admin') {
    const regions = await api('/api/regions').catch(() => []);
    form.elements.namedItem('region').append(...(Array.isArray(regions) ? regions : []).map((r) => h('option', { value: r.code }, r.name)));
  }
  form.addEventListener('change', () => showReason(form));
  // a mapping belongs to one file of one kind: another kind (or file) starts without it
  form.elements.namedItem('kind').forEach((radio) => radio.addEventListener('change', () => (mapping = null)));
  $('[data-testid="mapping-apply"]').addEventListener('click', () => {
    mapping = mappingFromEditor();
    form.requestSubmit();
  });

  const invalidate = () => {
    checked = null;
    commitButton.disabled = true;
  };
  form.addEventListener('change', invalidate);
  form.elements.namedItem('file').addEventListener('change', (event) => {
    mapping = null;
    const file = event.target.files[0];
    $('[data-testid="import-file-name"]').textContent = file ? `${file.name}（${Math.max(1, Math.round(file.size / 1024))} KB）` : '未选择文件';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    invalidate();
    hideResult();
    setImportStatus('info', '正在检查…');
    try {
      const sent = await upload(form, false);
      if (!sent) return;
      showResult(sent.result);
      const ok = !(sent.result.errors || []).length;
      checked = ok ? { ...sent.target, file: sent.file } : null;
      commitButton.disabled = !ok;
      const needsMapping = sent.result.mapping && sent.result.mapping.required;
      setImportStatus(ok ? 'ok' : 'error', ok ? '检查通过，可以确认导入' : needsMapping ? '列对应待确认：请在下方为各列选择含义后重新检查' : '检查未通过');
    } catch (error) {
      setImportStatus('error', messageFor(error));
    }
  });
  commitButton.addEventListener('click', async () => {
    if (!checked) return;
    commitButton.disabled = true;
    setImportStatus('info', '正在导入…');
    try {
      const sent = await upload(form, true);
      if (!sent) return;
      showResult(sent.result);
      const done = sent.result.committed === true;
      setImportStatus(done ? 'ok' : 'error', done ? '导入完成' : '导入未执行：文件有错误，未写入任何数据');
      commitButton.disabled = true;
      checked = null;
    } catch (error) {
      setImportStatus('error', messageFor(error));
      commitButton.disabled = false;
    }
  });

  const year = Number(context.today.slice(0, 4));
  const ledgerYear = $('#ledger-year');
  ledgerYear.replaceChildren(...[year + 1, year, year - 1, year - 2].map((y) => h('option', { value: String(y) }, `${y}年`)));
  ledgerYear.value = String(year);
  const status = $('[data-testid="export-status"]');
  const bulletins = await api('/api/bulletins').catch(() => []);
  const list = Array.isArray(bulletins) ? bulletins : [];
  closedThrough = {};
  for (const b of list) closedThrough[b.year] = Math.max(closedThrough[b.year] || 0, b.month);
  showReason(form);
  const published = list.map((b) => `${b.year}-${String(b.month).padStart(2, '0')}`).sort().reverse();
  const bulletinSelect = $('#bulletin-month');
  bulletinSelect.replaceChildren(...(published.length ? published.map((m) => h('option', { value: m }, monthLabel(m))) : [h('option', { value: '' }, '尚无已发布的月通报')]));
  $('[data-testid="export-bulletin"]').disabled = !published.length;
  /** @type {HTMLButtonElement} */ ($('[data-testid="export-bulletin-docx"]')).disabled = !published.length;

  const fetchFile = async (path, name) => {
    status.dataset.kind = 'info';
    status.textContent = '正在生成…';
    try {
      const file = await download(path, name);
      status.dataset.kind = 'ok';
      status.textContent = `已下载 ${file.name}`;
    } catch (error) {
      status.dataset.kind = 'error';
      status.textContent = messageFor(error);
    }
  };
  $('[data-testid="export-ledger"]').addEventListener('click', () => fetchFile(`/api/exports/ledger.xlsx?year=${ledgerYear.value}`, `项目台账-${ledgerYear.value}.xlsx`));
  $('[data-testid="export-bulletin"]').addEventListener('click', () => {
    const [y, m] = bulletinSelect.value.split('-');
    if (y) fetchFile(`/api/exports/bulletins/${y}/${Number(m)}.xlsx`, `月通报-${y}年${Number(m)}月.xlsx`);
  });
  $('[data-testid="export-bulletin-docx"]').addEventListener('click', () => {
    const [y, m] = /** @type {HTMLSelectElement} */ (bulletinSelect).value.split('-');
    if (y) fetchFile(`/api/exports/bulletins/${y}/${Number(m)}.docx`, `月通报-${y}年${Number(m)}月.docx`);
  });
  document.body.dataset.state = 'ready';
});
