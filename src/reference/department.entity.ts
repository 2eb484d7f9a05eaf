import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A 要素保障组 department (docs/domain/requests.md "Departments"): the kinds of need it owns
 * (每类需求由一个部门承办). Data an administrator edits (PUT /api/departments/:code); each kind
 * has exactly one owner, which every new request of that kind is routed to.
 */
@Entity('department')
export class Department {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** The request kinds it owns, comma-separated codes (land,approval). */
  @Column({ type: 'varchar', length: 200 })
  kinds: string;

  @Column({ name: 'sort_order', type: 'integer' })
  sortOrder: number;
}
