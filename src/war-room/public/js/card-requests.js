// @ts-check
// The project card's 要素保障: the project's open requests (what, how much, which department,
// where it stands) and each approval's status (已办 / 容缺受理 / 办理中 / 未办).
import { api } from '/shared/api.js';
import { displayToken } from '/shared/display.js';
import { $, h } from '/shared/dom.js';
import { APPROVAL_KEYS, APPROVAL_LABELS } from '/shared/labels.js';
import { approvalStatusText, kindText, quantityText, statusText } from '/shared/requests.js';

/** @typedef {import('/shared/types.js').ProjectView} ProjectView */
/** @typedef {import('/shared/types.js').RequestView} RequestView */
/** @typedef {import('/shared/types.js').Page<RequestView>} RequestPage */

const OPEN = new Set(['raised', 'accepted', 'escalated', 'resolved']);

/**
 * The project's requests, read with the card as the board counts them: overdue days to the
 * board's reference date (`refDate`, the block's 截至), from the same instant. A wall screen's
 * display token reads the board only: its card shows no requests (null), and asks for none.
 */
export async function readRequests(/** @type {number} */ projectId, /** @type {{ asOf: string, refDate: string } | null} */ at) {
  if (displayToken() !== null) return null;
  const q = new URLSearchParams({ project: String(projectId), pageSize: '100' });
  if (at) {
    q.set('asOf', at.asOf);
    q.set('refDate', at.refDate);
  }
  /** @type {RequestPage} */
  const page = await api(`/api/requests?${q}`);
  return page.items;
}

export function renderRequests(/** @type {RequestView[] | null} */ requests, /** @type {string | null} */ refDate) {
  $('[data-testid="card-requests-ref"]').textContent = requests && refDate ? `逾期天数截至 ${refDate}` : '';
  if (requests === null) {
    $('[data-testid="card-requests"]').replaceChildren(h('li', { class: 'empty', 'data-testid': 'card-requests-readonly' }, '大屏只读：要素保障需求请在工作台查看'));
    return;
  }
  const open = requests.filter((r) => OPEN.has(r.status));
  $('[data-testid="card-requests"]').replaceChildren(...(open.length
    ? open.map((r) => h('li', { class: r.overdue ? 'late' : null, 'data-testid': 'card-request', 'data-status': r.status },
      h('span', { class: 'cr-kind' }, kindText(r)),
      h('span', { class: 'cr-what', title: r.description }, [quantityText(r.quantity, r.unit), r.description].filter(Boolean).join(' · ')),
      h('span', { class: 'cr-status' }, `${r.departmentName} · ${statusText(r)}`)))
    : [h('li', { class: 'empty' }, '暂无待办需求')]));
}

/** The six approvals with their status; without details (older reads), the date or 未取得. */
export function renderApprovalStatuses(/** @type {ProjectView} */ project) {
  $('[data-testid="card-approvals"]').replaceChildren(...APPROVAL_KEYS.map((key) => {
    const detail = project.approvalDetails?.[key];
    const date = project.approvals[key];
    const status = detail?.status ?? (date ? 'done' : 'pending');
    const css = status === 'done' ? 'ok' : status === 'conditional' ? 'conditional' : 'missing';
    return h('li', { class: css, 'data-testid': `approval-${key}`, 'data-status': status },
      h('span', { class: 'ap-mark', 'aria-hidden': 'true' }, status === 'done' ? '✓' : status === 'conditional' ? '◐' : '○'),
      h('span', { class: 'ap-label' }, APPROVAL_LABELS[key]),
      // 未取得 as the card always said it; a status being worked on says where it stands.
      h('span', { class: 'ap-date' }, status === 'pending' ? '未取得' : detail ? approvalStatusText(detail) : date));
  }));
}
