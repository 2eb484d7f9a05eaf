import type { Checkpoint } from '../audit/index.js';

/** A published bulletin as the list of bulletins shows it (`GET /api/bulletins`). */
export interface BulletinSummary {
  year: number;
  month: number;
  publishedAt: string;
  publishedBy: string;
  hash: string;
  /** The audit chain at publication, its publish entry included (null for a bulletin without one). */
  checkpoint: Checkpoint | null;
}
