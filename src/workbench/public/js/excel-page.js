// @ts-check
// Excel 导入导出: upload a ledger or a month's reports (a dry run first, shown as a table of
// row errors; then confirm), and download the ledger and a published bulletin.

import { api, ApiError, download } from '/shared/api.js';
import { h, setChildren, $, $of, control, fieldValue } from '/shared/dom.js';
import { monthLabel, monthsUpTo } from '/shared/format.js';
import { reasonsOf } from '/shared/messages.js';
import { run, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {import('/shared/types.js').ImportResult} ImportResult */
/** @typedef {import('/shared/types.js').BulletinSummary} BulletinSummary */
/** @typedef {{ kind: string, month: string, path: string, query: URLSearchParams }} ImportTarget */

/** @type {WorkbenchContext} */
let context;
/** The dry run the confirm button would commit: { kind, month, file }. @type {(ImportTarget & { file: File }) | null} */
let checked = null;

const MISSING_FEATURE = '服务器尚未提供 Excel 导入导出功能';

function messageFor(/** @type {unknown} */ error) {
  if (!(error instanceof ApiError)) return reasonsOf(error).map((r) => r.message).join('；');
  if (error.status === 404 && error.body && typeof error.body.message === 'string' && error.body.message.startsWith('未找到请求的资源')) return MISSING_FEATURE;
  if (error.status === 413) return '文件过大，无法导入';
  return reasonsOf(error).map((r) => r.message).join('；');
}

/** Months closed by a published bulletin (a bulletin closes its year's months up to its own). @type {Record<number, number>} */
let closedThrough = {};

function closingOf(/** @type {string} */ month) {
  const [y, m] = month.split('-').map(Number);
  return closedThrough[y] !== undefined && closedThrough[y] >= m ? closedThrough[y] : null;
}

/** @returns {ImportTarget} */
function importTarget(/** @type {HTMLFormElement} */ form) {
  const kind = fieldValue(form, 'kind');
  const month = fieldValue(form, 'month');
  if (kind === 'ledger') return { kind, month, path: '/api/imports/ledger', query: new URLSearchParams() };
  const query = new URLSearchParams();
  const reason = fieldValue(form, 'reason').trim();
  if (closingOf(month) !== null && reason) query.set('reason', reason);
  return { kind, month, path: `/api/imports/reports/${month}`, query };
}

function showReason(/** @type {HTMLFormElement} */ form) {
  const kind = fieldValue(form, 'kind');
  const month = fieldValue(form, 'month');
  const closing = kind === 'reports' ? closingOf(month) : null;
  $('[data-role="import-reason"]').hidden = closing === null;
  if (closing !== null) $('[data-role="closed-note"]').textContent = `（${month.slice(0, 4)}年${closing}月通报已发布）`;
}

function setImportStatus(/** @type {string} */ kind, /** @type {string} */ text) {
  const status = $('[data-testid="import-status"]');
  status.dataset.kind = kind;
  status.textContent = text;
}

function showResult(/** @type {ImportResult} */ result) {
  const committed = result.committed === true;
  $('[data-testid="import-result"]').hidden = false;
  const errors = Array.isArray(result.errors) ? result.errors : [];
  setChildren($('[data-testid="import-counts"]'),
    committed ? '已导入：' : '检查结果：',
    `共 ${result.rows ?? 0} 行，`,
    committed ? '新增 ' : '将新增 ', h('b', { 'data-testid': 'count-created' }, String(result.created ?? 0)),
    committed ? '，更新 ' : '，将更新 ', h('b', { 'data-testid': 'count-updated' }, String(result.updated ?? 0)),
    '，无变化 ', h('b', { 'data-testid': 'count-unchanged' }, String(result.unchanged ?? 0)),
    errors.length ? h('span', { class: 'bad-text' }, `；发现 ${errors.length} 处错误，请改正 Excel 后重新检查（有错误时不会导入任何数据）`) : null,
    Array.isArray(result.ignoredColumns) && result.ignoredColumns.length ? h('small', { class: 'ignored' }, `未读取的列：${result.ignoredColumns.join('、')}`) : null);
  const table = $('[data-testid="import-errors"]');
  table.hidden = errors.length === 0;
  $('tbody', table).replaceChildren(...errors.map((e) => h('tr', { 'data-testid': 'import-error-row' },
    h('td', { class: 'num' }, e.row === null || e.row === undefined ? '—' : String(e.row)),
    h('td', null, e.column || '—'),
    h('td', null, e.message || ''))));
}

async function upload(/** @type {HTMLFormElement} */ form, /** @type {boolean} */ commit) {
  const fileInput = control(form, 'file');
  const file = fileInput instanceof HTMLInputElement && fileInput.files ? fileInput.files[0] : undefined;
  if (!file) {
    setImportStatus('error', '请先选择 Excel 文件');
    return null;
  }
  const target = importTarget(form);
  const data = new FormData();
  data.append('file', file, file.name);
  if (commit) target.query.set('commit', 'true');
  const query = target.query.toString();
  /** @type {ImportResult} */
  const result = await api(`${target.path}${query ? `?${query}` : ''}`, { method: 'POST', body: data });
  return { result, target, file };
}

run(async () => {
  context = await startPage('excel');
  const form = $of(HTMLFormElement, '#import-form');
  const months = monthsUpTo(context.currentMonth);
  control(form, 'month').replaceChildren(...months.map((m) => h('option', { value: m }, monthLabel(m))));
  control(form, 'month').value = context.defaultMonth;
  const commitButton = $of(HTMLButtonElement, '[data-testid="import-commit"]');
  $('[data-testid="import-panel"]').hidden = !context.canEdit;
  // the ledger is the city office's; a county imports its month sheets
  $('[data-role="ledger-kind"]').hidden = context.user.role !== 'admin';
  form.addEventListener('change', () => showReason(form));

  const invalidate = () => {
    checked = null;
    commitButton.disabled = true;
  };
  form.addEventListener('change', invalidate);
  control(form, 'file').addEventListener('change', (event) => {
    const file = event.target instanceof HTMLInputElement && event.target.files ? event.target.files[0] : undefined;
    $('[data-testid="import-file-name"]').textContent = file ? `${file.name}（${Math.max(1, Math.round(file.size / 1024))} KB）` : '未选择文件';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    invalidate();
    $('[data-testid="import-result"]').hidden = true;
    setImportStatus('info', '正在检查…');
    try {
      const sent = await upload(form, false);
      if (!sent) return;
      showResult(sent.result);
      const ok = !(sent.result.errors || []).length;
      checked = ok ? { ...sent.target, file: sent.file } : null;
      commitButton.disabled = !ok;
      setImportStatus(ok ? 'ok' : 'error', ok ? '检查通过，可以确认导入' : '检查未通过');
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
  const ledgerYear = $of(HTMLSelectElement, '#ledger-year');
  ledgerYear.replaceChildren(...[year + 1, year, year - 1, year - 2].map((y) => h('option', { value: String(y) }, `${y}年`)));
  ledgerYear.value = String(year);
  const status = $('[data-testid="export-status"]');
  /** @type {Promise<BulletinSummary[]>} */
  const bulletinsRead = api('/api/bulletins');
  const bulletins = await bulletinsRead.catch(() => []);
  const list = Array.isArray(bulletins) ? bulletins : [];
  closedThrough = {};
  for (const b of list) closedThrough[b.year] = Math.max(closedThrough[b.year] || 0, b.month);
  showReason(form);
  const published = list.map((b) => `${b.year}-${String(b.month).padStart(2, '0')}`).sort().reverse();
  const bulletinSelect = $of(HTMLSelectElement, '#bulletin-month');
  bulletinSelect.replaceChildren(...(published.length ? published.map((m) => h('option', { value: m }, monthLabel(m))) : [h('option', { value: '' }, '尚无已发布的月通报')]));
  $of(HTMLButtonElement, '[data-testid="export-bulletin"]').disabled = !published.length;

  const fetchFile = async (/** @type {string} */ path, /** @type {string} */ name) => {
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
  document.body.dataset.state = 'ready';
});
