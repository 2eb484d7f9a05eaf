import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Region } from '../reference/index.js';

/**
 * A person who answers for a chain or a project (docs/domain/responsibility.md "People"): a
 * 链长, a 包联领导, a 服务专员. Kept by the city office; not necessarily a user (a user account may
 * point at one). `region` is the county the person serves in (县级), null for the city (市级).
 * A person who leaves office is made inactive, never deleted: the history keeps naming them.
 */
@Entity('person')
@Index('idx_person_name', ['name'])
export class Person {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** Post or title (职务), e.g. 副市长, 服务专员. */
  @Column({ type: 'varchar', length: 100 })
  title: string;

  /** 单位. */
  @Column({ type: 'varchar', length: 100 })
  organisation: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Relation<Region>;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
