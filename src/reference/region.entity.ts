import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RegionKind = 'county' | 'zone';

/** A county (县市区) or a city development zone, keyed by its statistical division code. */
@Entity('region')
export class Region {
  /** 统计用区划代码, e.g. 371502 东昌府区. */
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 8 })
  kind: RegionKind;

  /** Whether the "≥1 big project per county" rule (2024 plan §四(四)) applies here: data, not code. */
  @Column({ name: 'big_project_required', type: 'boolean' })
  bigProjectRequired: boolean;

  @Column({ name: 'sort_order', type: 'integer' })
  sortOrder: number;
}
