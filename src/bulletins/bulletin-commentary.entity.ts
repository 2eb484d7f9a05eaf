import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The words of a month's bulletin (通报正文: 总体情况, 存在问题, 下步工作, 表扬), kept as revisions
 * (src/revisions/revision-log.ts): drafted from the figures, edited by the city office, frozen
 * with the figures when the bulletin is published (bulletin.commentary_revision names the
 * revision published), and corrected afterwards only by a new revision with a reason — the first
 * stays. docs/domain/bulletin-commentary.md.
 */
@Entity('bulletin_commentary')
@Index('idx_bulletin_commentary_month', ['year', 'month', 'revision'], { unique: true })
export class BulletinCommentary {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  month: number;

  @Column({ type: 'integer' })
  revision: number;

  /** 总体情况: one paragraph. */
  @Column({ type: 'text' })
  overview: string;

  /** 存在问题: JSON array of paragraphs. */
  @Column({ type: 'text' })
  problems: string;

  /** 下步工作: JSON array of paragraphs. */
  @Column({ name: 'next_steps', type: 'text' })
  nextSteps: string;

  /** 表扬: JSON array of paragraphs. */
  @Column({ type: 'text' })
  praise: string;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;

  /** Filed after the month's bulletin was published (a correction, with its reason). */
  @Column({ type: 'boolean', default: false })
  correction: boolean;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
