// @ts-check
// 月通报: the city office edits a month's words (总体情况, 表扬, 存在问题, 下步工作) with the month's
// figures beside them, saves them (each save a revision), publishes the bulletin (figures and
// words frozen together), and afterwards corrects the words only with a reason, the published
// revision kept (docs/domain/bulletin-commentary.md). The draft comes from the figures
// (GET …/draft); everyone else reads.
import { api, ApiError, download } from '/shared/api.js';
import { $, $of, h, queryParams, setQueryParams } from '/shared/dom.js';
import { localDateTime, pct, yi } from '/shared/format.js';
import { RATING_LABELS, RED_LIST_LABELS } from '/shared/labels.js';
import { messageOf, reasonsOf } from '/shared/messages.js';
import { monthNumberOf, yearOf } from '/shared/period.js';
import { run, showBanner, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {import('/shared/types.js').Dashboard} Dashboard */
/** @typedef {import('/shared/types.js').CommentaryView} CommentaryView */
/** @typedef {import('/shared/types.js').CommentaryDraft} CommentaryDraft */
/** @typedef {import('/shared/types.js').CommentaryText} CommentaryText */

/** @type {WorkbenchContext} */
let context;
let canEdit = false;
/** @type {{ year: number, month: number }} */
let period = { year: 0, month: 0 };
/** @type {CommentaryView | null} */
let view = null;

const form = () => $of(HTMLFormElement, '[data-testid="bulletin-form"]');
const field = (/** @type {string} */ name) => /** @type {HTMLTextAreaElement | HTMLInputElement} */ (form().elements.namedItem(name));
const lines = (/** @type {string} */ name) => field(name).value.split('\n').map((line) => line.trim()).filter(Boolean);

function setStatus(/** @type {string} */ text, kind = 'info') {
  const status = $('[data-testid="words-status"]');
  status.textContent = text;
  status.dataset.kind = kind;
}

function showErrors(/** @type {string[]} */ messages) {
  $('[data-testid="words-errors"]').replaceChildren(...messages.map((m) => h('li', null, m)));
}

/** Puts words into the form (the draft has no 下步工作: the office writes it). */
function fillWords(/** @type {CommentaryDraft & { nextSteps?: string[] }} */ words, { keepNextSteps = false } = {}) {
  field('overview').value = words.overview;
  field('praise').value = words.praise.join('\n');
  field('problems').value = words.problems.join('\n');
  if (!keepNextSteps) field('nextSteps').value = (words.nextSteps || []).join('\n');
}

/** The month's figures: the published ones once the bulletin is out, else the board now. */
async function renderFigures(/** @type {boolean} */ published) {
  /** @type {Dashboard} */
  const board = published
    ? /** @type {{ dashboard: Dashboard }} */ (await api(`/api/bulletins/${period.year}/${period.month}`)).dashboard
    : await api(`/api/dashboard/${period.year}?month=${period.month}`);
  $('[data-role="figures-source"]').textContent = published ? '（发布时的数据）' : `（截至 ${localDateTime(board.asOf)}）`;
  const i = board.investment;
  const s = board.startRate;
  $('[data-testid="figures-headline"]').textContent =
    `实施类项目完成投资 ${yi(i.actual)} 亿元，序时进度 ${yi(i.expected)} 亿元，完成序时 ${pct(i.ratio)}${i.rating ? `（${RATING_LABELS[i.rating]}）` : ''}；准备类项目开工 ${s.started}/${s.listed} 个，开工率 ${pct(s.rate)}。`;
  const ranked = [...board.regions].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99));
  $('[data-testid="figures-regions"] tbody').replaceChildren(...ranked.map((r) => h('tr', { 'data-code': r.code },
    h('td', { class: 'num' }, r.rank === null ? '—' : String(r.rank)),
    h('td', null, r.name),
    h('td', { class: 'num' }, pct(r.ratio)),
    h('td', { class: r.rating ? `rating-${r.rating}` : null }, r.rating ? RATING_LABELS[r.rating] : '—'),
    h('td', null, r.rankChange === null ? '' : r.rankChange > 0 ? `上升 ${r.rankChange} 位` : r.rankChange < 0 ? `下降 ${-r.rankChange} 位` : '持平'))));
  $('[data-testid="figures-chains"] tbody').replaceChildren(...board.chains.map((c) => h('tr', { 'data-code': c.code },
    h('td', null, `${c.name}${c.flagship ? '★' : ''}`),
    h('td', { class: 'num' }, pct(c.ratio)),
    h('td', { class: c.rating ? `rating-${c.rating}` : null }, c.rating ? RATING_LABELS[c.rating] : '—'))));
  // The red list's projects the draft names one by one (the lagging ones it counts per region).
  const named = board.redList.filter((item) => item.kind !== 'lagging');
  $('[data-testid="figures-red-count"]').textContent = `共 ${new Set(board.redList.map((item) => item.projectId)).size} 个，其中投资进度滞后 ${board.redList.filter((item) => item.kind === 'lagging').length} 个`;
  $('[data-testid="figures-red"]').replaceChildren(...(named.length
    ? named.map((item) => h('li', { 'data-kind': item.kind }, `${RED_LIST_LABELS[item.kind]} · ${item.regionName || ''} ${item.name}`, h('small', null, item.reason)))
    : [h('li', { class: 'muted' }, '无逾期未开工、停工、容缺逾期或节点滞后的项目')]));
  $('[data-testid="bulletin-figures"]').dataset.status = 'ready';
}

/** Status, buttons and the reason field as the month stands: draft, saved, published, corrected. */
function renderState() {
  const published = Boolean(view?.published);
  const current = view?.current;
  let status = current ? `已保存第 ${current.revision} 版（${current.actor}，${localDateTime(current.recordedAt)}）` : '草稿，尚未保存';
  if (published) status = `已发布（发布时为第 ${view?.publishedRevision} 版）${current && view?.publishedRevision !== current.revision ? `；现为第 ${current.revision} 版（更正：${current.reason ?? ''}）` : ''}`;
  $('[data-testid="bulletin-status"]').textContent = `${period.year}年${period.month}月 · ${status}`;
  $('[data-role="reason-field"]').hidden = !published || !canEdit;
  $('[data-testid="bulletin-publish"]').hidden = published || !canEdit;
  $('[data-testid="bulletin-publish-confirm"]').hidden = true;
  $('[data-testid="words-save"]').textContent = published ? '保存更正' : '保存';
  const word = $of(HTMLAnchorElement, '[data-testid="bulletin-word"]');
  word.hidden = !published;
  for (const el of form().querySelectorAll('textarea, input, button')) if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLButtonElement) el.disabled = !canEdit;
  $of(HTMLButtonElement, '[data-testid="bulletin-redraft"]').hidden = !canEdit || published;
}

async function load() {
  setQueryParams({ year: String(period.year), month: String(period.month) });
  showErrors([]);
  setStatus('');
  $('[data-testid="bulletin-figures"]').dataset.status = 'loading';
  view = await api(`/api/bulletins/${period.year}/${period.month}/commentary`);
  if (view?.current) fillWords(view.current);
  else fillWords(await api(`/api/bulletins/${period.year}/${period.month}/draft`));
  renderState();
  await renderFigures(Boolean(view?.published));
  form().dataset.status = 'ready';
}

/** Saves the words; resolves to true when saved (or nothing changed). */
async function save() {
  showErrors([]);
  /** @type {CommentaryText & { reason?: string }} */
  const body = { overview: field('overview').value.trim(), praise: lines('praise'), problems: lines('problems'), nextSteps: lines('nextSteps') };
  const reason = field('reason').value.trim();
  if (view?.published) {
    if (!reason) {
      showErrors(['通报已发布：修改须填写更正原因']);
      field('reason').focus();
      return false;
    }
    body.reason = reason;
  }
  if (!body.overview) {
    showErrors(['请填写总体情况']);
    field('overview').focus();
    return false;
  }
  setStatus('正在保存…');
  try {
    view = await api(`/api/bulletins/${period.year}/${period.month}/commentary`, { method: 'PUT', body });
    field('reason').value = '';
    renderState();
    setStatus(view?.current ? `已保存第 ${view.current.revision} 版` : '已保存', 'ok');
    return true;
  } catch (error) {
    setStatus('');
    showErrors(reasonsOf(error).map((r) => r.message || messageOf(error)));
    return false;
  }
}

async function publish() {
  if (!(await save())) return;
  setStatus('正在发布…');
  try {
    await api(`/api/bulletins/${period.year}/${period.month}`, { method: 'POST' });
    await load();
    setStatus('通报已发布：数据与文字已冻结', 'ok');
  } catch (error) {
    setStatus('');
    $('[data-testid="bulletin-publish-confirm"]').hidden = true;
    showErrors(error instanceof ApiError ? [messageOf(error), ...reasonsOf(error).map((r) => r.message).filter((m) => m !== messageOf(error))] : ['发布失败，请重试']);
  }
}

run(async () => {
  context = await startPage('bulletin');
  canEdit = context.user.role === 'admin';
  const years = [yearOf(context.today) - 1, yearOf(context.today)];
  const wanted = queryParams();
  period = {
    year: years.includes(Number(wanted.year)) ? Number(wanted.year) : yearOf(context.defaultMonth),
    month: Number(wanted.month) >= 1 && Number(wanted.month) <= 12 ? Number(wanted.month) : monthNumberOf(context.defaultMonth),
  };
  const yearSelect = $of(HTMLSelectElement, '#bulletin-year');
  const monthSelect = $of(HTMLSelectElement, '#bulletin-month');
  yearSelect.replaceChildren(...years.map((y) => h('option', { value: String(y) }, `${y}年`)));
  monthSelect.replaceChildren(...Array.from({ length: 12 }, (_, i) => h('option', { value: String(i + 1) }, `${i + 1}月`)));
  yearSelect.value = String(period.year);
  monthSelect.value = String(period.month);
  const change = () => {
    period = { year: Number(yearSelect.value), month: Number(monthSelect.value) };
    load().catch((error) => showBanner(messageOf(error)));
  };
  yearSelect.addEventListener('change', change);
  monthSelect.addEventListener('change', change);
  if (!canEdit) showBanner('当前角色只能查看月通报，不能编辑或发布', 'info');
  form().addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  $('[data-testid="bulletin-redraft"]').addEventListener('click', () => {
    /** @type {Promise<CommentaryDraft>} */
    const read = api(`/api/bulletins/${period.year}/${period.month}/draft`);
    read
      .then((draft) => {
        fillWords(draft, { keepNextSteps: true });
        setStatus('已按数据重新生成草稿（未保存）');
      })
      .catch((error) => showBanner(messageOf(error)));
  });
  $('[data-testid="bulletin-publish"]').addEventListener('click', () => {
    $('[data-testid="bulletin-publish-confirm"]').hidden = false;
    setStatus('发布后数据与文字将一并冻结，请确认');
  });
  $('[data-testid="bulletin-publish-confirm"]').addEventListener('click', () => void publish());
  $('[data-testid="bulletin-word"]').addEventListener('click', (event) => {
    event.preventDefault();
    download(`/api/exports/bulletins/${period.year}/${period.month}.docx`, `聊城市制造业重点项目月通报-${period.year}年${period.month}月.docx`).catch((error) => showBanner(messageOf(error)));
  });
  await load();
  document.body.dataset.state = 'ready';
});
