import type { EntityManager } from 'typeorm';
import { ALL } from '../access/index.js';
import { ApiError } from '../common/index.js';
import { PeopleService, ProjectResponsibilityService, type PutProjectResponsibilityDto } from '../people/index.js';
import { columnKeyOf, RowRefused } from './ledger-decisions.js';
import type { LedgerRow } from './parsing/ledger-rows.js';

const PEOPLE = [
  ['cityLeaderId', 'cityLeader', '市级包联领导'],
  ['countyLeaderId', 'countyLeader', '县级包联领导'],
  ['commissionerId', 'commissioner', '服务专员'],
] as const;

/**
 * A ledger row's 包联领导, 服务专员 and 联系人 (docs/domain/responsibility.md "In the ledger"): each
 * person named by name must be exactly one person in office in the register; a blank cell
 * changes nothing; the change goes through the same service as `PUT /api/projects/:id/responsibility`
 * (so it is kept as a revision, in the project's history and audited). Whether anything changed.
 */
export async function putLedgerResponsibility(
  manager: EntityManager,
  services: { people: PeopleService; responsibility: ProjectResponsibilityService },
  projectId: number,
  row: LedgerRow,
  actor: string,
): Promise<boolean> {
  const given = row.responsibility;
  const dto: PutProjectResponsibilityDto = {};
  for (const [field, key, label] of PEOPLE) {
    const name = given[key];
    if (name === undefined || name === null) continue;
    const people = await services.people.named(manager, name);
    if (people.length === 0) throw new RowRefused(key, `${label}“${name}”不在人员名册中（或已离任）：请市链长办先在人员名册中登记`);
    if (people.length > 1) throw new RowRefused(key, `人员名册中有多位“${name}”：请在项目页面中指定${label}`);
    dto[field] = people[0].id;
  }
  if ((given.contact !== undefined && given.contact !== null) || (given.contactPhone !== undefined && given.contactPhone !== null)) {
    const current = (await services.responsibility.of(manager, projectId)).contact;
    const name = given.contact ?? current?.name ?? null;
    if (name === null) throw new RowRefused('contactPhone', '填写了联系电话，但没有项目联系人姓名');
    dto.contact = { name, phone: given.contactPhone ?? current?.phone ?? null };
  }
  if (Object.keys(dto).length === 0) return false;
  try {
    return (await services.responsibility.putIn(manager, projectId, dto, actor, ALL)).changed;
  } catch (error) {
    // The service's own refusals (a county leader of another county…), on the cell that named the person.
    if (error instanceof ApiError && error.getStatus() === 422) throw new RowRefused(columnKeyOf(error.details[0]?.field), error.details.map((d) => d.message).join('；'));
    throw error;
  }
}
