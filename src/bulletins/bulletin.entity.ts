import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A published monthly bulletin (月通报): the dashboard for a month, frozen as the exact
 * JSON text that was served, with its SHA-256. Publishing closes the month: later report
 * revisions of a month up to it are post-publication corrections that need a reason.
 */
@Entity('bulletin')
@Index('idx_bulletin_month', ['year', 'month'], { unique: true })
export class Bulletin {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  month: number;

  @Column({ name: 'published_at', type: 'varchar', length: 30 })
  publishedAt: string;

  @Column({ name: 'published_by', type: 'varchar', length: 64 })
  publishedBy: string;

  /** The dashboard as published, exactly as served (JSON text). */
  @Column({ type: 'text' })
  body: string;

  /** SHA-256 (hex) of `body`. */
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  /**
   * The audit chain's checkpoint at publication: seq and hash of the publish entry itself
   * (docs/operations.md "Bulletins are checkpoints"). Null only for a bulletin whose publish
   * entry could not be found when checkpoints were introduced.
   */
  @Column({ name: 'checkpoint_seq', type: 'integer', nullable: true })
  checkpointSeq: number | null;

  @Column({ name: 'checkpoint_hash', type: 'varchar', length: 64, nullable: true })
  checkpointHash: string | null;

  /**
   * The revision of the bulletin's words (bulletin_commentary) published with it: frozen with the
   * figures. Null for a bulletin published before the words were kept.
   */
  @Column({ name: 'commentary_revision', type: 'integer', nullable: true })
  commentaryRevision: number | null;
}
