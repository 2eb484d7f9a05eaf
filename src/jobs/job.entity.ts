import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * Background work kept in the database (job-queue.ts): whichever server started it, every server
 * sees it, and a restart resumes it or fails it cleanly. `payload` is the work's own JSON; `file`
 * an upload it needs, base64 (text on both databases).
 */
@Entity('job')
@Index('idx_job_status', ['status', 'createdAt'])
@Index('idx_job_owner', ['owner', 'status'])
export class Job {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Which handler runs it (e.g. `import.ledger`). */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** The user who started it: the only one who sees it. */
  @Column({ type: 'varchar', length: 64 })
  owner: string;

  @Column({ type: 'varchar', length: 16 })
  status: JobStatus;

  /** The work's own phase, as it reports it. */
  @Column({ type: 'varchar', length: 16 })
  phase: string;

  @Column({ type: 'integer', default: 0 })
  done: number;

  @Column({ type: 'integer', default: 0 })
  total: number;

  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'text', nullable: true })
  file: string | null;

  @Column({ type: 'text', nullable: true })
  result: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Runs started (a job cut short by a restart is run again once, then failed). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** The server running it, and when it last said it was alive. */
  @Column({ name: 'claimed_by', type: 'varchar', length: 64, nullable: true })
  claimedBy: string | null;

  @Column({ name: 'heartbeat_at', type: 'varchar', length: 30, nullable: true })
  heartbeatAt: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'finished_at', type: 'varchar', length: 30, nullable: true })
  finishedAt: string | null;
}
