// @ts-check
// 项目页 (who answers for it: project-duty.js): the project's data (editable where the role allows, saved with the version it
// read: a stale save shows 已被他人修改，请刷新 and keeps the user's input), the six
// approvals as a checklist with dates, the stage timeline, one button per allowedEvents
// entry, recent reports and the change history. The form's model is project-form.js, the
// events panel project-events.js; the timeline and the history are the shared ones.
import { api, ApiError } from '/shared/api.js';
import { $, $$, $of, h, setChildren } from '/shared/dom.js';
import { localDateTime, stageName, wan } from '/shared/format.js';
import { monthLabel, yearOf } from '/shared/period.js';
import { renderHistory } from '/shared/history.js';
import { LIST_LABELS } from '/shared/labels.js';
import { messageOf, reasonsOf } from '/shared/messages.js';
import { renderTimeline } from '/shared/timeline.js';
import { asDateInput } from './dates.js';
import { renderEvents } from './project-events.js';
import { renderDuty } from './project-duty.js';
import { renderFactors } from './project-requests.js';
import { renderMilestones } from './project-milestones.js';
import { applyChanges, changeCount, clearFieldMessages, diff, fill, form, formValues, holderOf, input, renderApprovalRows, showFieldMessages, valuesOf } from './project-form.js';
import { referenceData, run, showBanner, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').ProjectView} ProjectView */
/** @typedef {import('/shared/types.js').HistoryEntry} HistoryEntry */
/** @typedef {import('/shared/types.js').ReportView} ReportView */
/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {import('./shell.js').Reference} Reference */
/** @typedef {import('./project-form.js').Changes} Changes */
/** @typedef {{ project: ProjectView, history: HistoryEntry[], reports: ReportView[] }} Read */

/** @type {WorkbenchContext} */
let context;
/** @type {Reference} */
let ref;
let id = 0;
/** The project as last read from the server: the form's base and the version a save sends. @type {ProjectView | null} */
let base = null;
const lock = { busy: false };

function pendingChanges() {
  return base ? diff(valuesOf(base), formValues().values) : {};
}

function setStatus(/** @type {string} */ kind, /** @type {import('/shared/dom.js').Child[]} */ ...content) {
  const status = $('[data-testid="save-status"]');
  status.dataset.kind = kind;
  setChildren(status, ...content);
}

// ------------------------------------------------------------------ rendering

function renderTitle(/** @type {ProjectView} */ project) {
  document.title = `${project.name} · 项目工作台`;
  $('#project-name').textContent = project.name;
  const badge = $('[data-testid="project-stage"]');
  badge.textContent = stageName(project.stage);
  badge.className = `stage-badge stage-${project.stage.replace('.', '-')}`;
  badge.dataset.stage = project.stage;
  const year = yearOf(context.today);
  const lists = (project.lists || []).filter((l) => l.year >= year - 1).map((l) => `${l.year}年${LIST_LABELS[l.category]}清单（年度计划 ${wan(l.plannedInvestment)} 万元）`);
  $('[data-testid="project-meta"]').replaceChildren(
    h('span', null, project.code),
    h('span', null, ref.regionName(project.region)),
    h('span', null, `${ref.chainName(project.chain)}产业链`),
    h('span', null, lists.length ? lists.join('；') : `未列入${year}年清单`),
  );
  $('[data-testid="project-version"]').textContent = `版本 ${project.version} · 更新于 ${localDateTime(project.updatedAt)}`;
  $('[data-testid="actual-start"]').textContent = project.actualStartDate || '—';
  $('[data-testid="actual-completion"]').textContent = project.actualCompletionDate || '—';
  form().dataset.version = String(project.version);
}

function renderReports(/** @type {ReportView[]} */ reports) {
  const rows = [...reports].reverse().slice(0, 12).map((r) => h('tr', { 'data-month': r.month },
    h('td', null, monthLabel(r.month)),
    h('td', { class: 'num' }, wan(r.amount)),
    h('td', { class: 'ellipsis', title: r.progress || '' }, r.progress || '—'),
    h('td', { class: 'num' }, String(r.revisions))));
  $('[data-testid="project-reports"] tbody').replaceChildren(...(rows.length ? rows : [h('tr', null, h('td', { colspan: '4', class: 'muted' }, '暂无月报'))]));
}

function setEditable(/** @type {ProjectView} */ project) {
  const editable = context.canEdit;
  for (const el of $$('input, select, textarea', form())) if ('disabled' in el) el.disabled = !editable;
  // a county operator's projects stay in their county
  input('region').disabled = !editable || context.user.role === 'region';
  $('.form-actions', form()).hidden = !editable;
  form().dataset.editable = String(editable);
  $('[data-testid="report-link"]').hidden = !editable || !project.actualStartDate;
}

// ------------------------------------------------------------------ loading and saving

/** @returns {Promise<Read>} */
async function readAll() {
  /** @type {Promise<ProjectView>} */
  const projectRead = api(`/api/projects/${id}`);
  const [project, records] = await Promise.all([projectRead, readRecords()]);
  return { project, ...records };
}

/** The project's history and reports (after the project itself was read or written). */
async function readRecords() {
  /** @type {Promise<HistoryEntry[]>} */
  const history = api(`/api/projects/${id}/history`);
  /** @type {Promise<ReportView[]>} */
  const reports = api(`/api/projects/${id}/reports`);
  const [entries, months] = await Promise.all([history, reports]);
  return { history: entries, reports: months };
}

/** Shows a fresh read. With `keep`, the user's unsaved changes are put back on top of it; returns the fields someone else changed too. */
function show(/** @type {Read} */ { project, history, reports }, /** @type {Changes | null} */ keep = null) {
  const before = base;
  base = project;
  renderTitle(project);
  fill(valuesOf(project));
  /** @type {string[]} */
  let conflicts = [];
  if (keep && changeCount(keep)) {
    applyChanges(keep);
    if (before) {
      const theirs = diff(valuesOf(before), valuesOf(project));
      conflicts = Object.keys(keep).filter((k) => k !== 'approvals' && k in theirs);
      for (const key of Object.keys(keep.approvals || {})) if (theirs.approvals && key in theirs.approvals) conflicts.push(`approvals.${key}`);
    }
  }
  const theirValues = valuesOf(project);
  for (const field of conflicts) {
    const value = field.startsWith('approvals.')
      ? theirValues.approvals[/** @type {keyof ProjectView['approvals']} */ (field.slice('approvals.'.length))]
      : theirValues[/** @type {import('./project-form.js').FieldName} */ (field)];
    const text = value === null || value === '' ? '（空）' : String(value);
    const shown = field === 'region' && value !== null ? ref.regionName(text) : field === 'chain' && value !== null ? ref.chainName(text) : text;
    holderOf(field)?.append(h('span', { class: 'conflict-note', 'data-testid': 'conflict-note' }, `他人已改为：${shown}`));
  }
  renderTimeline({ list: $('[data-testid="timeline"]'), notes: $('[data-testid="timeline-notes"]'), withdrawnStep: true }, project, history);
  renderEvents(project, { context, project: () => base, hasPendingChanges: () => changeCount(pendingChanges()) > 0, afterEvent, refresh, lock });
  renderReports(reports);
  renderHistory($('[data-testid="project-history"] tbody'), history, { limit: 30 });
  // 要素保障: after a write there, the page reads again, keeping the form's unsaved changes.
  renderFactors(project, { context, changed: () => void refresh() }).catch((error) => showBanner(messageOf(error)));
  // 节点计划: a save moves the project's version; the page reads again, keeping the form's unsaved changes.
  renderMilestones(project, { context, changed: () => void refresh() });
  renderDuty(project, { context, changed: () => void refresh() }).catch((error) => showBanner(messageOf(error)));
  setEditable(project);
  $of(HTMLAnchorElement, '[data-testid="report-link"]').href = `/workbench/report.html?month=${context.defaultMonth}`;
  return conflicts;
}

/** After an event: the project it left, with the user's unsaved changes kept on top. */
async function afterEvent(/** @type {ProjectView} */ project) {
  const keep = pendingChanges();
  show({ project, ...(await readRecords()) }, keep);
  setStatus('info', changeCount(keep) ? '表单中仍有未保存的修改' : '');
}

async function save(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  if (lock.busy || !base) return;
  clearFieldMessages();
  const { values, invalid } = formValues();
  if (invalid.length) {
    showFieldMessages(invalid);
    setStatus('error', '请先改正标出的内容');
    return;
  }
  const changes = diff(valuesOf(base), values);
  if (!changeCount(changes)) {
    setStatus('info', '没有需要保存的修改');
    return;
  }
  lock.busy = true;
  const button = $of(HTMLButtonElement, '[data-testid="save"]');
  button.disabled = true;
  setStatus('info', '正在保存…');
  try {
    /** @type {ProjectView} */
    const project = await api(`/api/projects/${id}`, { method: 'PATCH', headers: { 'If-Match': `"${base.version}"` }, body: changes });
    const records = await readRecords();
    $('[data-testid="stale-banner"]').hidden = true;
    show({ project, ...records });
    setStatus('ok', `已保存（版本 ${project.version}）`);
    form().dataset.saved = String(project.version);
  } catch (error) {
    if (error instanceof ApiError && error.status === 412) {
      $('[data-testid="stale-banner"]').hidden = false;
      setStatus('error', '已被他人修改，请刷新');
      form().dataset.stale = 'true';
    } else {
      const reasons = reasonsOf(error);
      const loose = showFieldMessages(reasons);
      setStatus('error', h('span', null, '未保存：'), h('ul', { class: 'messages', 'data-testid': 'save-errors' }, (loose.length ? loose : reasons).map((r) => h('li', null, r.message))));
    }
  } finally {
    lock.busy = false;
    button.disabled = false;
  }
}

/** Reads the project again, keeping the user's unsaved changes and marking the ones someone else changed too. */
async function refresh() {
  const keep = pendingChanges();
  clearFieldMessages();
  try {
    const fresh = await readAll();
    const conflicts = show(fresh, keep);
    $('[data-testid="stale-banner"]').hidden = true;
    delete form().dataset.stale;
    const kept = changeCount(keep);
    setStatus('info', kept
      ? `已载入最新数据（版本 ${fresh.project.version}）；您未保存的 ${kept} 项修改已保留${conflicts.length ? `，其中 ${conflicts.length} 项他人也改过，请核对` : ''}，确认后请再次保存`
      : `已载入最新数据（版本 ${fresh.project.version}）`);
  } catch (error) {
    setStatus('error', messageOf(error));
  }
}

run(async () => {
  context = await startPage('list');
  ref = await referenceData();
  id = Number(new URLSearchParams(window.location.search).get('id'));
  if (!Number.isInteger(id) || id <= 0) {
    showBanner('缺少项目编号，请从项目列表进入');
    document.body.dataset.state = 'error';
    return;
  }
  input('region').replaceChildren(h('option', { value: '' }, '（未填写）'), ...ref.regions.map((r) => h('option', { value: r.code }, r.name)));
  input('chain').replaceChildren(h('option', { value: '' }, '（未填写）'), ...ref.chains.map((c) => h('option', { value: c.code }, `${c.flagship ? '★' : ''}${c.name}`)));
  renderApprovalRows(context.today);
  for (const name of ['plannedStartDate', 'plannedCompletionDate']) {
    const el = input(name);
    if (el instanceof HTMLInputElement) asDateInput(el);
  }
  form().addEventListener('submit', (event) => void save(event));
  $('[data-testid="refresh"]').addEventListener('click', () => void refresh());
  $('[data-testid="discard"]').addEventListener('click', () => {
    clearFieldMessages();
    if (base) fill(valuesOf(base));
    setStatus('info', '已撤销未保存的修改');
  });
  window.addEventListener('beforeunload', (event) => {
    if (context.canEdit && changeCount(pendingChanges())) event.preventDefault();
  });
  show(await readAll());
  document.body.dataset.state = 'ready';
});
