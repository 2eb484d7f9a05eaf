// Excel 导入导出: upload a ledger or a month's reports (a dry run first, shown as a table of
// row errors; then confirm), and download the ledger and a published bulletin.

import { api, download } from './api.js';
import { h, setChildren, $ } from './dom.js';
import { monthLabel, monthsUpTo } from './format.js';
import { reasonsOf } from './labels.js';
import { run, startPage } from './shell.js';

let context;
/** The dry run the confirm button would commit: { kind, month, file }. */
let checked = null;

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
  if (kind === 'ledger') return { kind, month, path: '/api/imports/ledger', query: new URLSearchParams() };
  const query = new URLSearchParams();
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

function showResult(result) {
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

async function upload(form, commit) {
  const file = form.elements.namedItem('file').files[0];
  if (!file) {
    setImportStatus('error', '请先选择 Excel 文件');
    return null;
  }
  const target = importTarget(form);
  const data = new FormData();
  data.append('file', file, file.name);
  if (commit) target.query.set('commit', 'true');
  const query = target.query.toString();
  return { result: await api(`${target.path}${query ? `?${query}` : ''}`, { method: 'POST', body: data }), target, file };
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
  form.addEventListener('change', () => showReason(form));

  const invalidate = () => {
    checked = null;
    commitButton.disabled = true;
  };
  form.addEventListener('change', invalidate);
  form.elements.namedItem('file').addEventListener('change', (event) => {
    const file = event.target.files[0];
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
  document.body.dataset.state = 'ready';
});
