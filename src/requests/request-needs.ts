import type { EntityManager } from 'typeorm';
import type { ErrorDetail } from '../common/index.js';
import { sql } from '../database/index.js';
import { parseQuantity } from '../rules/index.js';
import { isQuantityKind, isRequestKind, KIND_UNITS, type Pollutant, POLLUTANTS, REQUEST_KINDS, routeOf } from '../reference/index.js';
import { REQUEST_KIND_LABELS, UNIT_LABELS } from '../reference/labels.js';
import type { NeedDto } from './dto/request.dto.js';
import { isApprovalKey } from './request.guards.js';
import { REQUEST_CHANNELS, type RequestChannel } from './request-states.js';

/** Whether the register (the people module's 人员名录) holds this person: a 专员 named on a problem or a step. */
export async function personExists(manager: EntityManager, id: number): Promise<boolean> {
  return (await sql(manager, 'SELECT 1 AS found FROM person WHERE id = :id', { id })).length > 0;
}

/**
 * One need's failures (docs/domain/requests.md "Kinds and units"), or the columns it will be
 * stored with: its kind (and approval or pollutant), its quantity in the kind's unit, its
 * description and date, its channel (`channel` when the item names none) and policy tag, and the
 * department that owns its kind now.
 */
export async function checkNeed(manager: EntityManager, item: NeedDto, today: string, channel: RequestChannel) {
  const failures: ErrorDetail[] = [];
  const description = item.description.trim();
  if (!description) failures.push({ field: 'description', code: 'descriptionRequired', message: '需求说明不能为空' });
  if (item.neededBy !== undefined && item.neededBy < today)
    failures.push({ field: 'neededBy', code: 'neededByInPast', message: `需要保障的日期 ${item.neededBy} 已过（今天 ${today}）` });
  const givenChannel = item.channel ?? channel;
  if (!(REQUEST_CHANNELS as readonly string[]).includes(givenChannel))
    failures.push({ field: 'channel', code: 'unknownChannel', message: `未知的收集渠道：${givenChannel}（应为 ${REQUEST_CHANNELS.join(', ')}）` });
  if (!isRequestKind(item.kind)) {
    failures.push({ field: 'kind', code: 'unknownKind', message: `未知的需求类型：${item.kind}（应为 ${REQUEST_KINDS.join(', ')}）` });
    return { failures, row: null };
  }
  const kind = item.kind;
  const label = REQUEST_KIND_LABELS[kind];
  if (kind === 'approval') {
    if (item.approval === undefined) failures.push({ field: 'approval', code: 'approvalRequired', message: '审批类需求需指明哪一项前期手续' });
    else if (!isApprovalKey(item.approval)) failures.push({ field: 'approval', code: 'unknownApproval', message: `未知的前期手续：${item.approval}` });
  } else if (item.approval !== undefined) failures.push({ field: 'approval', code: 'approvalNotApplicable', message: `${label}类需求不填前期手续` });
  if (kind === 'environment') {
    if (item.pollutant === undefined) failures.push({ field: 'pollutant', code: 'pollutantRequired', message: '环境容量需求需指明污染物' });
    else if (!(POLLUTANTS as readonly string[]).includes(item.pollutant))
      failures.push({ field: 'pollutant', code: 'unknownPollutant', message: `未知的污染物：${item.pollutant}（应为 ${POLLUTANTS.join(', ')}）` });
  } else if (item.pollutant !== undefined) failures.push({ field: 'pollutant', code: 'pollutantNotApplicable', message: `${label}类需求不填污染物` });
  let quantity: number | null = null;
  if (isQuantityKind(kind)) {
    const unit = KIND_UNITS[kind].unit as keyof typeof UNIT_LABELS;
    if (item.unit !== undefined && item.unit.trim() !== unit && item.unit.trim() !== UNIT_LABELS[unit])
      failures.push({ field: 'unit', code: 'unknownUnit', message: `${label}的计量单位是${UNIT_LABELS[unit]}（${unit}），不是“${item.unit}”` });
    if (item.quantity === undefined) failures.push({ field: 'quantity', code: 'quantityRequired', message: `${label}需求需填写数量（${UNIT_LABELS[unit]}）` });
    else {
      const parsed = parseQuantity(kind, item.quantity);
      if (parsed.ok) quantity = parsed.scaled;
      else failures.push({ field: 'quantity', code: parsed.failure.code, message: `数量：${parsed.failure.message}` });
    }
  } else {
    if (item.quantity !== undefined) failures.push({ field: 'quantity', code: 'quantityNotApplicable', message: `${label}类需求不填数量` });
    if (item.unit !== undefined) failures.push({ field: 'unit', code: 'unknownUnit', message: `${label}类需求没有计量单位` });
  }
  const policyTag = item.policyTag?.trim() || null;
  if (item.commissionerId !== undefined && !(await personExists(manager, item.commissionerId)))
    failures.push({ field: 'commissionerId', code: 'unknownPerson', message: `人员名录中没有该专员（${item.commissionerId}），请先在人员名录中登记` });
  const department = await routeOf(manager, kind);
  if (!department) failures.push({ field: 'kind', code: 'noDepartment', message: `${label}类需求尚无承办部门，请市链长办先设置` });
  if (failures.length) return { failures, row: null };
  return {
    failures,
    row: {
      kind,
      approvalKey: kind === 'approval' && isApprovalKey(item.approval) ? item.approval : null,
      pollutant: kind === 'environment' ? (item.pollutant as Pollutant) : null,
      quantity,
      description,
      neededBy: item.neededBy ?? null,
      departmentCode: department!.code,
      channel: givenChannel as RequestChannel,
      policyTag,
      commissionerId: item.commissionerId ?? null,
    },
  };
}
