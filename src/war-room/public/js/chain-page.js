// @ts-check
// A chain's page (产业链页面, click a chain's name): its "5个1" and the 链长's activities of the year
// (docs/domain/responsibility.md), the appendix's whole row — every target beside what the city
// knows of it (projects, 完成投资, 签约, 到位, the quarterly 通用指标 its team files) — its 差异化指标
// with status and note, and its 招商 leads (docs/domain/attraction.md).
import { actorName } from '/shared/actors.js';
import { api } from '/shared/api.js';
import { $, h, setChildren } from '/shared/dom.js';
import { pct, localDateTime, wan, yi, yiShort } from '/shared/format.js';
import { ACTIVITY_KIND_LABELS, FIVE_ONES_LABELS, INDICATOR_LABELS, LEAD_ORIGIN_LABELS, LEAD_STATUS_LABELS, NOTE_STATUS_LABELS, RATE_INDICATORS } from '/shared/labels.js';

/** @typedef {import('/shared/types.js').ChainPage} ChainPage */

/**
 * What the page needs from the board: the period shown and the names of places.
 * @typedef {object} ChainPageContext
 * @property {number} year
 * @property {number | null} month
 * @property {string | null} asOf
 * @property {(code: string | null) => string} regionName
 */

let openSeq = 0;
/** @type {Element | null} */
let returnFocus = null;

/** The modal, built once: a title, a close button and a body the page fills. */
function modal() {
  const existing = document.getElementById('chain-page');
  if (existing) return existing;
  const close = h('button', { type: 'button', class: 'close', 'data-testid': 'chain-page-close', 'aria-label': '关闭' }, '×');
  const box = h('div', { class: 'modal chain-page', id: 'chain-page', 'data-testid': 'chain-page', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'chain-page-title', hidden: true },
    h('div', { class: 'modal-box' },
      h('header', { class: 'modal-head' },
        h('div', null, h('h2', { id: 'chain-page-title', 'data-testid': 'chain-page-title' }, '—'), h('p', { class: 'card-meta', 'data-role': 'chain-page-meta' })),
        close),
      h('div', { class: 'modal-body', 'data-role': 'chain-page-body' })));
  close.addEventListener('click', closeChainPage);
  box.addEventListener('click', (event) => {
    if (event.target === box) closeChainPage();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !box.hidden) closeChainPage();
  });
  document.body.append(box);
  return box;
}

export function closeChainPage() {
  const box = modal();
  box.hidden = true;
  box.dataset.status = '';
  openSeq += 1;
  if (returnFocus instanceof HTMLElement) returnFocus.focus();
}

/** Opens chain `code`'s page (data-status loading → ready); a failed read closes it and throws. */
export async function openChainPage(/** @type {string} */ code, /** @type {ChainPageContext} */ ctx) {
  const seq = ++openSeq;
  const box = modal();
  returnFocus = document.activeElement;
  box.hidden = false;
  box.dataset.status = 'loading';
  box.dataset.chain = code;
  $('#chain-page-title').textContent = '加载中…';
  $('[data-role="chain-page-body"]', box).replaceChildren();
  const q = new URLSearchParams();
  if (ctx.month) q.set('month', String(ctx.month));
  if (ctx.asOf) q.set('asOf', ctx.asOf);
  try {
    /** @type {ChainPage} */
    const page = await api(`/api/chains/${encodeURIComponent(code)}/page/${ctx.year}?${q}`);
    if (seq !== openSeq) return;
    render(box, page, ctx);
    box.dataset.status = 'ready';
    $('.close', box).focus();
  } catch (error) {
    if (seq === openSeq) closeChainPage();
    throw error;
  }
}

/** A row of the targets table: what, the annual target, the actual, 序时 and how it stands. */
function targetRow(/** @type {string} */ key, /** @type {string} */ label, /** @type {string} */ target, /** @type {string} */ actual, /** @type {string} */ expected, /** @type {string} */ standing, rating = '') {
  return h('tr', { 'data-testid': `chain-target-${key}`, class: rating ? `rating-${rating}` : null },
    h('th', { scope: 'row' }, label),
    h('td', { class: 'num', 'data-role': 'target' }, target),
    h('td', { class: 'num', 'data-role': 'actual' }, actual),
    h('td', { class: 'num', 'data-role': 'expected' }, expected),
    h('td', { class: 'num', 'data-role': 'standing' }, standing));
}

function render(/** @type {HTMLElement} */ box, /** @type {ChainPage} */ p, /** @type {ChainPageContext} */ ctx) {
  const a = p.attraction;
  $('#chain-page-title').textContent = `${p.chain.name}产业链${p.chain.flagship ? ' ★' : ''}`;
  $('[data-role="chain-page-meta"]', box).textContent = `责任单位：${p.chain.leadUnit} · ${p.year}年1–${p.month}月（第${p.quarter}季度）· 数据截至 ${localDateTime(p.asOf)}`;
  const rows = [
    targetRow('projects', '实施强链延链补链重点项目（个）', String(p.projects.target), String(p.projects.listed), '—', '入库/目标'),
    targetRow('investment', '完成投资（亿元）', yi(p.investment.target), yi(p.investment.actual), yi(p.investment.expected), pct(p.investment.ratio), p.investment.rating ?? ''),
    targetRow('signed', '签约项目合同金额（亿元）', yi(a.signed.target), yi(a.signed.actual), yi(a.signed.expected), pct(a.signed.ratio), a.signed.rating ?? ''),
    targetRow('funded', '招商引资到位资金（亿元）', yi(a.funded.target), yi(a.funded.actual), yi(a.funded.expected), pct(a.funded.ratio), a.funded.rating ?? ''),
    ...p.indicators.map((row) => {
      const rate = RATE_INDICATORS.includes(row.key);
      const filed = row.actual === null ? '未填报' : `${row.actual}${rate ? '%' : ''}（第${row.quarter}季度）`;
      const standing = rate ? (row.met === null ? '—' : row.met ? '达标' : '未达标') : pct(row.ratio);
      return targetRow(row.key, INDICATOR_LABELS[row.key], row.target === null ? '—' : `${row.target}${rate ? '%' : ''}`, filed, row.expected === null ? '—' : String(row.expected), standing);
    }),
  ];
  const counts = [
    a.signedOver100m.target !== null ? `过亿元签约 ${a.signedOver100m.count}/${a.signedOver100m.target} 个` : `过亿元签约 ${a.signedOver100m.count} 个`,
    a.landed.target !== null ? `签约落地 ${a.landed.count}/${a.landed.target} 个` : `签约落地 ${a.landed.count} 个`,
    // Counted only where the plan row sets the size (e.g. 招引投资过30亿元项目).
    ...(a.attractedOver.thresholdWan !== null ? [`招引过${yiShort(a.attractedOver.thresholdWan)}亿元项目 ${a.attractedOver.count}${a.attractedOver.target !== null ? `/${a.attractedOver.target}` : ''} 个`] : []),
  ];
  const note = p.differentiated.note;
  setChildren($('[data-role="chain-page-body"]', box),
    fiveOnesBlock(p),
    h('section', { class: 'card-block chain-targets' },
      h('h3', null, '附表目标与完成 ', h('small', null, '通用指标为本年累计，按季度填报；个数按序时（目标 × 季度/4）比较')),
      h('div', { class: 'table-wrap' },
        h('table', { class: 'grid-table', 'data-testid': 'chain-page-targets' },
          h('thead', null, h('tr', null, h('th', null, '指标'), h('th', null, '年度目标'), h('th', null, '完成'), h('th', null, '序时'), h('th', null, '完成序时 / 达标'))),
          h('tbody', null, rows)))),
    h('section', { class: 'card-block chain-differentiated' },
      h('h3', null, '差异化指标'),
      h('p', { 'data-testid': 'chain-differentiated-text' }, p.differentiated.text || '（本年计划未列差异化指标）'),
      h('p', { class: 'att-counts', 'data-testid': 'chain-differentiated-counts' }, counts.join(' · ')),
      h('p', null,
        h('span', { class: `chip note-${note ? note.status : 'none'}`, 'data-testid': 'chain-note-status' }, note ? NOTE_STATUS_LABELS[note.status] : '未填报'),
        ' ',
        h('span', { 'data-testid': 'chain-note-text' }, note?.note || ''),
        note ? h('small', null, ` （${actorName(note.actor)}，${localDateTime(note.recordedAt)}）`) : null)),
    h('section', { class: 'card-block chain-leads' },
      h('h3', null, `招商项目 `, h('small', null, `${p.leads.length} 个`)),
      h('div', { class: 'table-wrap' },
        h('table', { class: 'grid-table', 'data-testid': 'chain-page-leads' },
          h('thead', null, h('tr', null, ['项目名称', '投资方', '来源', '意向县区', '状态', '合同金额(亿)', '到位(万元)'].map((t) => h('th', null, t)))),
          h('tbody', null, p.leads.length
            ? p.leads.map((l) => h('tr', { 'data-testid': 'chain-lead', 'data-lead-id': l.id, 'data-status': l.status },
              h('td', { class: 'name', title: l.name }, l.name),
              h('td', { title: l.investor }, l.investor),
              h('td', null, LEAD_ORIGIN_LABELS[l.origin]),
              h('td', null, ctx.regionName(l.region)),
              h('td', null, h('span', { class: `lead-status lead-${l.status}` }, LEAD_STATUS_LABELS[l.status])),
              h('td', { class: 'num' }, l.signedAmount === null ? '—' : yi(l.signedAmount)),
              h('td', { class: 'num' }, wan(l.funded))))
            : h('tr', null, h('td', { colspan: '7', class: 'muted' }, '暂无招商项目')))))));
}

/** The chain's "5个1" for the year (what it lacks in red) and the 链长's activities. */
function fiveOnesBlock(/** @type {ChainPage} */ p) {
  const r = p.responsibility;
  const lacks = (/** @type {keyof typeof FIVE_ONES_LABELS} */ item) => r.missing.includes(item);
  const row = (/** @type {keyof typeof FIVE_ONES_LABELS} */ item, /** @type {string} */ text) => [
    h('dt', null, FIVE_ONES_LABELS[item]),
    h('dd', { class: lacks(item) ? 'missing' : null, 'data-testid': `five-ones-${item}` }, lacks(item) ? '未明确' : text),
  ];
  return h('section', { class: 'card-block chain-five-ones', 'data-testid': 'chain-five-ones', 'data-complete': String(r.complete) },
    h('h3', null, '链长制“5个1” ', h('small', null, r.complete ? '五项齐全' : `缺 ${r.missing.length} 项`)),
    h('dl', { class: 'five-ones' },
      row('leader', r.leader ? `${r.leader.name}（${r.leader.title}）` : ''),
      row('department', r.department),
      row('plan', [r.plan.title, r.plan.date].filter(Boolean).join(' · ')),
      row('measures', r.measures.join('；')),
      row('anchors', r.anchorEnterprises.join('、'))),
    h('h3', null, '链长活动 ', h('small', null, `${p.activities.length} 次`)),
    h('ul', { class: 'activity-list', 'data-testid': 'chain-activities' }, p.activities.length
      ? p.activities.map((a) => h('li', { 'data-testid': 'chain-activity', 'data-kind': a.kind },
        h('b', null, `${a.date} ${ACTIVITY_KIND_LABELS[a.kind]}`), a.leader ? ` · ${a.leader.name}` : '',
        h('div', null, a.findings),
        a.requests.length ? h('small', null, `提出要素保障需求 ${a.requests.length} 项`) : null))
      : h('li', { class: 'muted' }, '本年暂无记录')));
}
