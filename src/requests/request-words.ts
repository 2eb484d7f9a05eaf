import { APPROVAL_LABELS } from '../lifecycle/index.js';
import { POLLUTANT_LABELS, REQUEST_KIND_LABELS, UNIT_LABELS } from '../reference/labels.js';
import type { RequestView } from './request.types.js';

/** What the need is, in words, for the server's documents: 用地, 环境容量（氨氮）, 审批（环评）. */
export function kindText(view: Pick<RequestView, 'kind' | 'pollutant' | 'approval'>): string {
  const detail = view.pollutant ? POLLUTANT_LABELS[view.pollutant] : view.approval ? APPROVAL_LABELS[view.approval] : null;
  return detail ? `${REQUEST_KIND_LABELS[view.kind]}（${detail}）` : REQUEST_KIND_LABELS[view.kind];
}

/** "5551.00 亩" from a view's decimal string and unit code; "" without one. */
export function quantityWithUnit(quantity: string | null, unit: string | null): string {
  return quantity === null || unit === null ? '' : `${quantity} ${UNIT_LABELS[unit as keyof typeof UNIT_LABELS] ?? unit}`;
}
