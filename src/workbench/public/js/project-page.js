// 项目页: the project's data (editable where the role allows, saved with the version it
// read: a stale save shows 已被他人修改，请刷新 and keeps the user's input), the six
// approvals as a checklist with dates, the stage timeline, one button per allowedEvents
// entry (asking only for what that event needs), recent reports and the change history.

import { api } from './api.js';
import { asDateInput, normalizeDate } from './dates.js';
import { h, setChildren, $, $$ } from './dom.js';
import { monthLabel, shanghaiDate, shanghaiDateTime, wan } from './format.js';
import {
  APPROVALS,
  EVENT_FIELD_LABELS,
  EVENT_FIELDS,
  EVENT_LABELS,
  FIELD_LABELS,
  LIST_LABELS,
  reasonsOf,
  STAGE_LABELS,
} from './labels.js';
import { referenceData, run, showBanner, startPage } from './shell.js';
import { currentStep, stageDates } from '/shared/lifecycle.js';

/** Plain fields of the form: name → kind. */
const FIELDS = {
  name: 'text',
  ownerEnterprise: 'text',
  totalInvestment: 'wan',
  region: 'select',
  chain: 'select',
  plannedStartDate: 'date',
  plannedCompletionDate: 'date',
  content: 'text',
};

const HISTORY_FIELDS = {
  name: '项目名称', ownerEnterprise: '建设单位', regionCode: '县区', chainCode: '产业链', totalInvestmentWan: '总投资',
  content: '建设内容', plannedStartDate: '计划开工', plannedCompletionDate: '计划竣工', approvalFiling: '立项',
  approvalLand: '用地', approvalPlanning: '规划许可', approvalEnvironment: '环评', approvalEnergy: '节能审查',
  approvalConstruction: '施工许可',
};

const STEPS = [
  { key: 'reserve', label: '储备' },
  { key: 'preparation', label: '准备' },
  { key: 'implementation', label: '实施' },
  { key: 'completed', label: '竣工' },
];

let context;
let ref;
let id;
/** The project as last read from the server: the form's base and the version a save sends. */
let base = null;
let openEvent = null;
let busy = false;

const form = () => $('#project-form');
const input = (name) => form().elements.namedItem(name);

// ------------------------------------------------------------------ values: server ⇄ form

/** The comparable values of a project as the server sent it. */
function valuesOf(project) {
  const values = {};
  for (const name of Object.keys(FIELDS)) values[name] = project[name] ?? null;
  values.approvals = {};
  for (const [key] of APPROVALS) values.approvals[key] = (project.approvals && project.approvals[key]) || null;
  return values;
}

/** What the form holds now, in the server's terms; `invalid` lists fields the browser could not read. */
function formValues() {
  const values = { approvals: {} };
  const invalid = [];
  for (const [name, kind] of Object.entries(FIELDS)) {
    const raw = input(name).value;
    if (kind === 'wan') {
      const text = raw.replace(/[,，\s]/g, '');
      if (text === '') values[name] = null;
      else if (/^-?\d+(\.\d+)?$/.test(text)) values[name] = Number(text);
      else {
        values[name] = raw;
        invalid.push({ field: name, message: '请输入数字（万元）' });
      }
    } else if (kind === 'date') {
      const date = normalizeDate(raw);
      values[name] = date || null;
      if (date === null) {
        values[name] = raw;
        invalid.push({ field: name, message: '日期格式应为 YYYY-MM-DD' });
      }
    } else if (name === 'name') values[name] = raw.trim();
    else values[name] = raw.trim() === '' ? null : kind === 'text' ? raw.trim() : raw;
  }
  for (const [key] of APPROVALS) {
    const checked = $(`[data-testid="approval-check-${key}"]`).checked;
    const raw = $(`[data-testid="approval-date-${key}"]`).value;
    const date = normalizeDate(raw);
    values.approvals[key] = checked ? date || null : null;
    if (checked && !raw.trim()) invalid.push({ field: `approvals.${key}`, message: '请填写办结日期' });
    else if (checked && date === null) {
      values.approvals[key] = raw;
      invalid.push({ field: `approvals.${key}`, message: '日期格式应为 YYYY-MM-DD' });
    }
  }
  return { values, invalid };
}

/** The changes from `from` to `to`, as a PATCH body (approvals nested, only the changed keys). */
function diff(from, to) {
  const changes = {};
  for (const name of Object.keys(FIELDS)) if (to[name] !== from[name]) changes[name] = to[name];
  for (const [key] of APPROVALS) {
    if (to.approvals[key] !== from.approvals[key]) {
      changes.approvals = changes.approvals || {};
      changes.approvals[key] = to.approvals[key];
    }
  }
  return changes;
}

function fill(values) {
  for (const [name, kind] of Object.entries(FIELDS)) {
    const value = values[name];
    input(name).value = value === null || value === undefined ? '' : kind === 'wan' ? String(value) : value;
  }
  for (const [key] of APPROVALS) {
    const date = values.approvals[key];
    $(`[data-testid="approval-check-${key}"]`).checked = Boolean(date);
    $(`[data-testid="approval-date-${key}"]`).value = date || '';
  }
  markApprovals();
}

/** Applies a PATCH-shaped change set on top of the form. */
function applyChanges(changes) {
  const current = formValues().values;
  for (const name of Object.keys(FIELDS)) if (name in changes) current[name] = changes[name];
  if (changes.approvals) Object.assign(current.approvals, changes.approvals);
  fill(current);
}

function pendingChanges() {
  return base ? diff(valuesOf(base), formValues().values) : {};
}

// ------------------------------------------------------------------ field messages

function clearFieldMessages() {
  $$('.field-error', form()).forEach((el) => el.remove());
  $$('.conflict-note', form()).forEach((el) => el.remove());
  $$('.has-error', form()).forEach((el) => el.classList.remove('has-error'));
}

function holderOf(field) {
  if (!field) return null;
  if (field.startsWith('approvals.')) return $(`[data-testid="approval-${field.slice('approvals.'.length)}"]`);
  const el = input(field);
  return el ? el.closest('.field') : null;
}

/** Puts each reason beside its field; returns the reasons that belong to no field. */
function showFieldMessages(reasons) {
  const loose = [];
  for (const reason of reasons) {
    const holder = holderOf(reason.field);
    if (!holder) {
      loose.push(reason);
      continue;
    }
    holder.classList.add('has-error');
    holder.append(h('span', { class: 'field-error', 'data-testid': 'field-error', 'data-field': reason.field }, reason.message));
  }
  return loose;
}

function setStatus(kind, ...content) {
  const status = $('[data-testid="save-status"]');
  status.dataset.kind = kind;
  setChildren(status, ...content);
}

// ------------------------------------------------------------------ rendering

function renderTitle(project) {
  document.title = `${project.name} · 项目工作台`;
  $('#project-name').textContent = project.name;
  const badge = $('[data-testid="project-stage"]');
  badge.textContent = STAGE_LABELS[project.stage] || project.stageLabel;
  badge.className = `stage-badge stage-${project.stage.replace('.', '-')}`;
  badge.dataset.stage = project.stage;
  const year = Number(context.today.slice(0, 4));
  const lists = (project.lists || []).filter((l) => l.year >= year - 1).map((l) => `${l.year}年${LIST_LABELS[l.category] || ''}清单（年度计划 ${wan(l.plannedInvestment)} 万元）`);
  $('[data-testid="project-meta"]').replaceChildren(
    h('span', null, project.code),
    h('span', null, ref.regionName(project.region)),
    h('span', null, `${ref.chainName(project.chain)}产业链`),
    h('span', null, lists.length ? lists.join('；') : `未列入${year}年清单`),
  );
  $('[data-testid="project-version"]').textContent = `版本 ${project.version} · 更新于 ${shanghaiDateTime(project.updatedAt)}`;
  $('[data-testid="actual-start"]').textContent = project.actualStartDate || '—';
  $('[data-testid="actual-completion"]').textContent = project.actualCompletionDate || '—';
  form().dataset.version = String(project.version);
}

function renderApprovalRows() {
  const list = $('[data-testid="approvals"]');
  list.replaceChildren(...APPROVALS.map(([key, label]) => {
    const box = h('input', { type: 'checkbox', 'aria-label': `${label}已办结`, 'data-testid': `approval-check-${key}` });
    const date = asDateInput(h('input', { 'aria-label': `${label}办结日期`, 'data-testid': `approval-date-${key}` }));
    box.addEventListener('change', () => {
      if (box.checked && !date.value) date.value = context.today;
      if (!box.checked) date.value = '';
      markApprovals();
      if (box.checked) date.focus();
    });
    date.addEventListener('input', () => {
      box.checked = Boolean(date.value.trim());
      markApprovals();
    });
    return h('li', { 'data-testid': `approval-${key}`, 'data-key': key },
      h('label', { class: 'ap-check' }, box, h('span', { class: 'ap-label' }, label)),
      date,
      h('span', { class: 'ap-state' }));
  }));
}

function markApprovals() {
  for (const [key] of APPROVALS) {
    const row = $(`[data-testid="approval-${key}"]`);
    const done = $(`[data-testid="approval-check-${key}"]`, row).checked && Boolean(normalizeDate($(`[data-testid="approval-date-${key}"]`, row).value));
    row.classList.toggle('ok', done);
    row.classList.toggle('missing', !done);
    row.dataset.status = done ? 'done' : 'missing';
    $('.ap-state', row).textContent = done ? '已办结' : '未办结';
  }
}

function renderTimeline(project, history) {
  const dates = stageDates(project, history);
  const current = currentStep(project.stage, dates);
  const withdrawn = project.stage === 'withdrawn';
  const halted = project.stage === 'implementation.halted';
  const planned = { implementation: project.plannedStartDate, completed: project.plannedCompletionDate };
  const steps = STEPS.map((step, i) => {
    const status = i < current ? 'done' : i === current ? (withdrawn ? 'stopped' : halted ? 'halted' : 'current') : 'future';
    const date = i <= current ? dates[step.key] : null;
    const plan = i > current && !withdrawn && planned[step.key] ? `计划 ${planned[step.key]}` : null;
    let label = step.label;
    if (i === current && step.key === 'implementation') label = halted ? '实施（停工）' : project.stage === 'implementation.active' ? '实施（在建）' : '实施';
    return h('li', { class: `step ${status}`, 'data-testid': `timeline-${step.key}`, 'data-status': status, 'aria-current': i === current ? 'step' : null },
      h('span', { class: 'step-dot', 'aria-hidden': 'true' }, String(i + 1)),
      h('span', { class: 'step-label' }, label),
      h('span', { class: 'step-date', 'data-testid': 'timeline-date' }, date || plan || '—'));
  });
  if (withdrawn) {
    const entry = [...history].reverse().find((e) => e.event === 'WITHDRAW');
    steps.push(h('li', { class: 'step withdrawn', 'data-testid': 'timeline-withdrawn', 'data-status': 'current', 'aria-current': 'step' },
      h('span', { class: 'step-dot', 'aria-hidden': 'true' }, '×'),
      h('span', { class: 'step-label' }, '退出'),
      h('span', { class: 'step-date', 'data-testid': 'timeline-date' }, entry ? entry.effectiveDate || shanghaiDate(entry.recordedAt) : '—')));
  }
  $('[data-testid="timeline"]').replaceChildren(...steps);
  const notes = history
    .filter((e) => e.kind === 'transition' && ['HALT', 'RESUME', 'DEFER', 'WITHDRAW'].includes(e.event))
    .map((e) => h('span', { class: `note note-${e.event.toLowerCase()}` }, `${EVENT_LABELS[e.event]} ${e.effectiveDate || shanghaiDate(e.recordedAt)}`, e.reason ? `：${e.reason}` : ''));
  $('[data-testid="timeline-notes"]').replaceChildren(...notes);
}

function eventField(type, field) {
  const label = (EVENT_FIELD_LABELS[type] || {})[field] || FIELD_LABELS[field] || field;
  const control = field === 'reason'
    ? h('input', { name: field, maxlength: '1000', placeholder: '请填写原因', 'data-testid': `event-${type}-${field}` })
    : asDateInput(h('input', { name: field, value: field === 'date' ? context.today : '', 'data-testid': `event-${type}-${field}` }));
  return h('label', { class: `event-field field-${field}` }, label, control);
}

function renderEvents(project) {
  const box = $('[data-testid="events"]');
  if (!context.canEdit) {
    box.replaceChildren(h('p', { class: 'muted' }, '当前角色只能查看，不能推进阶段。'));
    return;
  }
  const allowed = project.allowedEvents || [];
  if (!allowed.length) {
    box.replaceChildren(h('p', { class: 'muted' }, `项目已${STAGE_LABELS[project.stage]}，不再流转。`));
    return;
  }
  box.replaceChildren(...allowed.map((type) => {
    const fields = (EVENT_FIELDS[type] || []).filter((f) => !(f === 'plannedStartDate' && project.plannedStartDate));
    const button = h('button', { type: 'button', class: `btn event-btn event-${type.toLowerCase()}`, 'data-testid': `event-button-${type}`, 'aria-expanded': 'false' }, EVENT_LABELS[type] || type);
    const errors = h('ul', { class: 'event-error', 'data-testid': `event-error-${type}`, role: 'alert' });
    const panel = h('form', { class: 'event-form', 'data-testid': `event-form-${type}`, hidden: true, novalidate: true },
      fields.map((f) => eventField(type, f)),
      fields.length ? null : h('span', { class: 'muted' }, type === 'PROMOTE' ? `计划开工时间 ${project.plannedStartDate}` : '无需填写其他内容'),
      h('span', { class: 'pending-note', 'data-role': 'pending-note', hidden: true }, '表单有未保存的修改：流转按已保存的数据判断'),
      h('button', { type: 'submit', class: 'btn primary small', 'data-testid': `event-confirm-${type}` }, `确认${EVENT_LABELS[type] || type}`),
      h('button', { type: 'button', class: 'btn ghost small', 'data-role': 'cancel' }, '取消'));
    button.addEventListener('click', () => toggleEvent(type, openEvent !== type));
    $('[data-role="cancel"]', panel).addEventListener('click', () => toggleEvent(type, false));
    panel.addEventListener('submit', (event) => {
      event.preventDefault();
      sendEvent(type, fields, panel, errors);
    });
    return h('div', { class: 'event', 'data-event': type, 'data-testid': `event-${type}` }, h('div', { class: 'event-line' }, button, errors), panel);
  }));
  openEvent = null;
}

function toggleEvent(type, open) {
  for (const panel of $$('.event-form')) {
    const mine = panel.dataset.testid === `event-form-${type}`;
    panel.hidden = !(mine && open);
    const button = $(`[data-testid="event-button-${panel.dataset.testid.slice('event-form-'.length)}"]`);
    button.setAttribute('aria-expanded', String(mine && open));
    button.classList.toggle('open', mine && open);
  }
  openEvent = open ? type : null;
  if (open) {
    const panel = $(`[data-testid="event-form-${type}"]`);
    $('[data-role="pending-note"]', panel).hidden = Object.keys(pendingChanges()).length === 0;
    const first = $('input', panel);
    if (first) first.focus();
  }
}

function renderReports(reports) {
  const rows = [...reports].reverse().slice(0, 12).map((r) => h('tr', { 'data-month': r.month },
    h('td', null, monthLabel(r.month)),
    h('td', { class: 'num' }, wan(r.amount)),
    h('td', { class: 'ellipsis', title: r.progress || '' }, r.progress || '—'),
    h('td', { class: 'num' }, String(r.revisions))));
  $('[data-testid="project-reports"] tbody').replaceChildren(...(rows.length ? rows : [h('tr', null, h('td', { colspan: '4', class: 'muted' }, '暂无月报'))]));
}

function historyText(entry) {
  if (entry.kind === 'created') return ['创建项目', ''];
  if (entry.kind === 'transition') return [`${EVENT_LABELS[entry.event] || entry.event} → ${STAGE_LABELS[entry.toStage] || '—'}`, entry.reason || ''];
  if (entry.kind === 'updated') {
    const fields = Object.keys(entry.data || {}).map((k) => HISTORY_FIELDS[k] || k);
    return ['修改项目信息', fields.join('、')];
  }
  if (entry.kind === 'list') {
    const d = entry.data || {};
    const category = d.after ? LIST_LABELS[d.after.category] : d.before ? LIST_LABELS[d.before.category] : '';
    return [`${d.year || ''}年清单${d.action === 'removed' ? '移出' : d.action === 'added' ? '列入' : '调整'}`, category || ''];
  }
  return [entry.kind, entry.reason || ''];
}

function renderHistory(history) {
  const newestFirst = [...history].sort((a, b) => (a.recordedAt === b.recordedAt ? b.id - a.id : a.recordedAt < b.recordedAt ? 1 : -1));
  const rows = newestFirst.slice(0, 30).map((entry) => {
    const [what, note] = historyText(entry);
    return h('tr', { 'data-testid': 'history-row' },
      h('td', null, shanghaiDateTime(entry.recordedAt)),
      h('td', { title: what }, what),
      h('td', null, entry.effectiveDate || '—'),
      h('td', { class: 'ellipsis', title: note }, note || '—'),
      h('td', { title: entry.actor }, entry.actor));
  });
  $('[data-testid="project-history"] tbody').replaceChildren(...rows);
}

function setEditable(project) {
  const editable = context.canEdit;
  for (const el of $$('input, select, textarea', form())) el.disabled = !editable;
  // a county operator's projects stay in their county
  input('region').disabled = !editable || context.user.role === 'region';
  $('.form-actions', form()).hidden = !editable;
  form().dataset.editable = String(editable);
  $('[data-testid="report-link"]').hidden = !editable || !project.actualStartDate;
}

// ------------------------------------------------------------------ loading and saving

async function readAll() {
  const [project, history, reports] = await Promise.all([
    api(`/api/projects/${id}`),
    api(`/api/projects/${id}/history`),
    api(`/api/projects/${id}/reports`),
  ]);
  return { project, history, reports };
}

/** Shows a fresh read. With `keep`, the user's unsaved changes are put back on top of it. */
function show({ project, history, reports }, keep = null) {
  const before = base;
  base = project;
  renderTitle(project);
  fill(valuesOf(project));
  let conflicts = [];
  if (keep && Object.keys(keep).length) {
    applyChanges(keep);
    if (before) {
      const theirs = diff(valuesOf(before), valuesOf(project));
      conflicts = Object.keys(keep).filter((k) => k !== 'approvals' && k in theirs);
      for (const key of Object.keys(keep.approvals || {})) if (theirs.approvals && key in theirs.approvals) conflicts.push(`approvals.${key}`);
    }
  }
  for (const field of conflicts) {
    const holder = holderOf(field);
    const value = field.startsWith('approvals.') ? project.approvals[field.slice(10)] : project[field];
    const shown = field === 'region' ? ref.regionName(value) : field === 'chain' ? ref.chainName(value) : value;
    if (holder) holder.append(h('span', { class: 'conflict-note', 'data-testid': 'conflict-note' }, `他人已改为：${shown === null || shown === '' || shown === undefined ? '（空）' : shown}`));
  }
  renderTimeline(project, history);
  renderEvents(project);
  renderReports(reports);
  renderHistory(history);
  setEditable(project);
  $('[data-testid="report-link"]').href = `/workbench/report.html?month=${context.defaultMonth}`;
  return conflicts;
}

async function save(event) {
  event.preventDefault();
  if (busy || !base) return;
  clearFieldMessages();
  const { values, invalid } = formValues();
  if (invalid.length) {
    showFieldMessages(invalid);
    setStatus('error', '请先改正标出的内容');
    return;
  }
  const changes = diff(valuesOf(base), values);
  if (!Object.keys(changes).length) {
    setStatus('info', '没有需要保存的修改');
    return;
  }
  busy = true;
  const button = $('[data-testid="save"]');
  button.disabled = true;
  setStatus('info', '正在保存…');
  try {
    const project = await api(`/api/projects/${id}`, { method: 'PATCH', headers: { 'If-Match': `"${base.version}"` }, body: changes });
    const [history, reports] = await Promise.all([api(`/api/projects/${id}/history`), api(`/api/projects/${id}/reports`)]);
    $('[data-testid="stale-banner"]').hidden = true;
    show({ project, history, reports });
    setStatus('ok', `已保存（版本 ${project.version}）`);
    form().dataset.saved = String(project.version);
  } catch (error) {
    if (error.status === 412) {
      $('[data-testid="stale-banner"]').hidden = false;
      setStatus('error', '已被他人修改，请刷新');
      form().dataset.stale = 'true';
    } else {
      const reasons = reasonsOf(error);
      const loose = showFieldMessages(reasons);
      setStatus('error', h('span', null, '未保存：'), h('ul', { class: 'messages', 'data-testid': 'save-errors' }, (loose.length ? loose : reasons).map((r) => h('li', null, r.message))));
    }
  } finally {
    busy = false;
    button.disabled = false;
  }
}

async function refresh() {
  const keep = pendingChanges();
  clearFieldMessages();
  try {
    const fresh = await readAll();
    const conflicts = show(fresh, keep);
    $('[data-testid="stale-banner"]').hidden = true;
    delete form().dataset.stale;
    const kept = Object.keys(keep).filter((k) => k !== 'approvals').length + Object.keys(keep.approvals || {}).length;
    setStatus('info', kept
      ? `已载入最新数据（版本 ${fresh.project.version}）；您未保存的 ${kept} 项修改已保留${conflicts.length ? `，其中 ${conflicts.length} 项他人也改过，请核对` : ''}，确认后请再次保存`
      : `已载入最新数据（版本 ${fresh.project.version}）`);
  } catch (error) {
    setStatus('error', reasonsOf(error).map((r) => r.message).join('；'));
  }
}

async function sendEvent(type, fields, panel, errors) {
  if (busy) return;
  errors.replaceChildren();
  const body = { type };
  const missing = [];
  for (const field of fields) {
    const label = (EVENT_FIELD_LABELS[type] || {})[field] || FIELD_LABELS[field];
    const raw = panel.elements.namedItem(field).value.trim();
    const value = field === 'reason' ? raw : normalizeDate(raw);
    if (!raw) missing.push(`请填写${label}`);
    else if (value === null) missing.push(`${label}格式应为 YYYY-MM-DD`);
    else body[field] = value;
  }
  if (missing.length) {
    errors.replaceChildren(...missing.map((m) => h('li', null, m)));
    return;
  }
  busy = true;
  const confirm = $(`[data-testid="event-confirm-${type}"]`);
  confirm.disabled = true;
  $('[data-testid="event-result"]').textContent = '';
  try {
    const project = await api(`/api/projects/${id}/events`, { method: 'POST', headers: { 'If-Match': `"${base.version}"` }, body });
    const keep = pendingChanges();
    const [history, reports] = await Promise.all([api(`/api/projects/${id}/history`), api(`/api/projects/${id}/reports`)]);
    show({ project, history, reports }, keep);
    setStatus('info', Object.keys(keep).length ? '表单中仍有未保存的修改' : '');
    const result = $('[data-testid="event-result"]');
    result.textContent = `已${EVENT_LABELS[type]}${body.date ? `（${body.date}）` : ''}：当前阶段 ${STAGE_LABELS[project.stage]}`;
    result.dataset.kind = 'ok';
  } catch (error) {
    const reasons = reasonsOf(error);
    errors.replaceChildren(...reasons.map((r) => h('li', { 'data-code': r.code || '' }, r.message)));
    if (error.status === 412) errors.append(h('li', null, h('button', { type: 'button', class: 'btn warn small', onclick: () => refresh() }, '刷新')));
  } finally {
    busy = false;
    if (confirm.isConnected) confirm.disabled = false;
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
  renderApprovalRows();
  asDateInput(input('plannedStartDate'));
  asDateInput(input('plannedCompletionDate'));
  form().addEventListener('submit', save);
  $('[data-testid="refresh"]').addEventListener('click', refresh);
  $('[data-testid="discard"]').addEventListener('click', () => {
    clearFieldMessages();
    fill(valuesOf(base));
    setStatus('info', '已撤销未保存的修改');
  });
  window.addEventListener('beforeunload', (event) => {
    if (context.canEdit && Object.keys(pendingChanges()).length) event.preventDefault();
  });
  show(await readAll());
  document.body.dataset.state = 'ready';
});
