import { badRequest } from '../common/index.js';

/**
 * The one check that an event carries only the fields its type takes (400 `unknownField`, every
 * extra field named), for every workflow's events route: a project's, a request's, a lead's.
 * `fields` are the payload fields the route knows, in the order a refusal names them.
 */
export function refuseFieldsNotTaken<T extends string, F extends string>(
  event: { type: T } & Partial<Record<F, unknown>>,
  fields: readonly F[],
  takes: Record<T, readonly F[]>,
): void {
  const allowed = takes[event.type];
  const extra = fields.filter((field) => event[field] !== undefined && !allowed.includes(field));
  if (extra.length)
    throw badRequest(
      `事件 ${event.type} 不接受这些字段：${extra.join(', ')}`,
      extra.map((field) => ({ field, code: 'unknownField', message: `事件 ${event.type} 不接受字段 ${field}` })),
    );
}
