import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, notFound, unprocessable } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { ReferenceService } from '../reference/index.js';
import { PlansService } from '../plans/index.js';
import type { PutRatingOverrideDto } from './dto/rating-override.dto.js';
import { RatingOverride, type OverrideScope } from './rating-override.entity.js';

export interface OverrideView {
  scope: OverrideScope;
  key: string;
  rating: string;
  reason: string;
  actor: string;
  at: string;
}

/**
 * 蓝黄红 configuration: the thresholds (per year, data) and manual overrides, each with
 * a reason, never overwritten (a replaced or withdrawn override is closed, not deleted).
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly reference: ReferenceService,
    private readonly plans: PlansService,
  ) {}

  async overrides(year: number, month: number): Promise<OverrideView[]> {
    const rows = await this.dataSource.getRepository(RatingOverride).find({ where: { year, month, revokedAt: IsNull() }, order: { id: 'ASC' } });
    return rows.map((row) => ({ scope: row.scope, key: row.key, rating: row.rating, reason: row.reason, actor: row.actor, at: row.recordedAt }));
  }

  put(year: number, month: number, scope: OverrideScope, key: string, dto: PutRatingOverrideDto, actor: string): Promise<{ created: boolean; override: OverrideView }> {
    return this.writes.run(async (manager) => {
      const exists = scope === 'region' ? await this.reference.regionExists(manager, key) : await this.reference.chainExists(manager, key);
      if (!exists) throw notFound(`未知的${scope === 'region' ? '县（市、区）' : '产业链'}：${key}`);
      if (!(await this.plans.hasPlan(manager, year))) throw notFound(`没有 ${year} 年的目标`);
      const reason = dto.reason?.trim() ?? '';
      if (!reason) throw unprocessable('人工调整颜色必须填写原因', [{ field: 'reason', code: 'reasonRequired', message: '人工调整颜色必须填写原因' }]);
      const now = this.clock.nowIso();
      const current = await manager.findOneBy(RatingOverride, { year, month, scope, key, revokedAt: IsNull() });
      if (current) await manager.update(RatingOverride, { id: current.id }, { revokedAt: now, revokedBy: actor, revokeReason: `replaced: ${reason}` });
      await manager.insert(RatingOverride, { year, month, scope, key, rating: dto.rating, reason, actor, recordedAt: now, revokedAt: null, revokedBy: null, revokeReason: null });
      await this.changes.record(manager, {
        actor,
        subject: auditSubject.rating(scope, key),
        action: 'override',
        before: current ? { year, month, rating: current.rating, reason: current.reason } : null,
        after: { year, month, rating: dto.rating, reason },
        reason,
        at: now,
      });
      return { created: !current, override: { scope, key, rating: dto.rating, reason, actor, at: now } };
    });
  }

  revoke(year: number, month: number, scope: OverrideScope, key: string, reason: string | undefined, actor: string): Promise<void> {
    return this.writes.run(async (manager) => {
      const current = await manager.findOneBy(RatingOverride, { year, month, scope, key, revokedAt: IsNull() });
      if (!current) throw notFound('该颜色没有人工调整');
      const now = this.clock.nowIso();
      await manager.update(RatingOverride, { id: current.id }, { revokedAt: now, revokedBy: actor, revokeReason: reason?.trim() || null });
      await this.changes.record(manager, {
        actor,
        subject: auditSubject.rating(scope, key),
        action: 'revoke',
        before: { year, month, rating: current.rating, reason: current.reason },
        after: null,
        reason: reason?.trim() || null,
        at: now,
      });
    });
  }
}
