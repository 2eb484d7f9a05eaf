import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A column mapping a user confirmed for the files of one region (null: the city office's own),
 * per kind of import: the next import from that region reads its headers the same way.
 */
@Entity('import_mapping')
@Index('idx_import_mapping_kind_region', ['kind', 'regionCode'], { unique: true })
export class ImportMapping {
  @PrimaryGeneratedColumn()
  id: number;

  /** ledger | reports. */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  /** JSON `{ normalised header: field | null }`. */
  @Column({ type: 'text' })
  mapping: string;

  @Column({ name: 'updated_by', type: 'varchar', length: 64 })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
