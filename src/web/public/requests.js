// @ts-check
// 要素保障 in words, for every page that shows requests: what is asked (用地 120.50 亩,
// 环境容量（氨氮）…), where it stands, and when it is due. Quantities arrive as decimal text in
// their unit and are only regrouped here (thousands separators), never turned into numbers.
import { APPROVAL_LABELS, APPROVAL_STATUS_LABELS, POLLUTANT_LABELS, REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS, UNIT_LABELS } from '/shared/labels.js';

/** @typedef {import('/shared/types.js').RequestView} RequestView */
/** @typedef {import('/shared/types.js').ApprovalDetail} ApprovalDetail */

/** "6200.00" and "mu" → "6,200.00 亩"; no quantity → "". */
export function quantityText(/** @type {string | null} */ quantity, /** @type {string | null} */ unit) {
  if (quantity === null || unit === null) return '';
  const [whole, fraction] = quantity.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fraction === undefined ? grouped : `${grouped}.${fraction}`} ${UNIT_LABELS[/** @type {keyof typeof UNIT_LABELS} */ (unit)] ?? unit}`;
}

/** 用地, 环境容量（氨氮）, 审批（环评）. */
export function kindText(/** @type {Pick<RequestView, 'kind' | 'pollutant' | 'approval'>} */ r) {
  const detail = r.pollutant ? POLLUTANT_LABELS[r.pollutant] : r.approval ? APPROVAL_LABELS[r.approval] : null;
  return detail ? `${REQUEST_KIND_LABELS[r.kind]}（${detail}）` : REQUEST_KIND_LABELS[r.kind];
}

/**
 * 已受理 · 逾期 3 天 / 已受理 · 承诺 2024-07-31 前办结 / 已提出 · 2024-06-19 前受理 / 已退回：原因 /
 * 常务会已议定（督办中） · 时限 2024-12-31.
 * An escalated request promises what it promised when accepted; one never accepted promised
 * nothing, so it reads by its acceptance deadline.
 */
export function statusText(/** @type {RequestView} */ r) {
  const status = REQUEST_STATUS_LABELS[r.status];
  if (r.status === 'returned') return r.returnReason ? `${status}：${r.returnReason}` : status;
  if (r.overdue) return `${status} · 逾期 ${r.daysOverdue} 天`;
  // decided: the 常务会's 时限 is what it waits on
  if (r.due && r.status === 'decided') return `${status} · 时限 ${r.due}`;
  if (r.due && (r.status === 'raised' || (r.status === 'escalated' && !r.promisedDate))) return `${status} · ${r.due} 前受理`;
  if (r.due) return `${status} · 承诺 ${r.due} 前办结`;
  return status;
}

/** 未办 / 办理中（2024-06-01 受理） / 容缺受理 · 承诺 2024-12-20 前补齐 / 已办 2024-06-09. */
export function approvalStatusText(/** @type {ApprovalDetail} */ d) {
  if (d.status === 'done') return `${APPROVAL_STATUS_LABELS.done} ${d.date ?? ''}`.trim();
  if (d.status === 'conditional') return `${APPROVAL_STATUS_LABELS.conditional} · 承诺 ${d.commitmentDate} 前补齐`;
  if (d.status === 'in_progress') return d.date ? `${APPROVAL_STATUS_LABELS.in_progress}（${d.date} 受理）` : APPROVAL_STATUS_LABELS.in_progress;
  return APPROVAL_STATUS_LABELS.pending;
}
