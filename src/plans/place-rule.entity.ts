import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A place's rules in a year's plan: whether it must plan a big project (every county in 2024:
 * "每个县（市、区）…至少谋划1个"), and optional count ranges such as the three-year plan's
 * "by 2025 each county 5–10 projects over 10亿 and 1–2 over 50亿". Null bounds are not checked.
 */
@Entity('place_rule')
export class PlaceRule {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode: string;

  @Column({ name: 'big_project_required', type: 'boolean' })
  bigProjectRequired: boolean;

  /** Projects of at least the key threshold (10亿): lower and upper bound. */
  @Column({ name: 'over_key_min', type: 'integer', nullable: true })
  overKeyMin: number | null;

  @Column({ name: 'over_key_max', type: 'integer', nullable: true })
  overKeyMax: number | null;

  /** Projects of at least the big threshold (50亿): lower and upper bound. */
  @Column({ name: 'over_big_min', type: 'integer', nullable: true })
  overBigMin: number | null;

  @Column({ name: 'over_big_max', type: 'integer', nullable: true })
  overBigMax: number | null;
}
