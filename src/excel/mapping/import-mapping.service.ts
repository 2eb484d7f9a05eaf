import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../../audit/index.js';
import { badRequest, Clock } from '../../common/index.js';
import { ReferenceService } from '../../reference/index.js';
import { mappingFromJson, mappingJson, type ColumnMapping, type ImportKind } from './column-mapping.js';
import { ImportMapping } from './import-mapping.entity.js';

/** Headers kept per region and kind at most (older entries are not dropped: the merge is refused above it). */
const MAX_KEPT = 200;

/**
 * The column mappings kept per region (`import_mapping`): read before an import, merged with
 * the one a committed import was given (the given entries win) and written in the import's
 * own transaction, with its audit entry. Keeping the same mapping again writes nothing.
 */
@Injectable()
export class ImportMappingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly recorder: ChangeRecorder,
    private readonly reference: ReferenceService,
  ) {}

  async kept(kind: ImportKind, region: string | null): Promise<ColumnMapping> {
    const row = await this.dataSource.getRepository(ImportMapping).findOneBy({ kind, regionCode: region ?? IsNull() });
    return row ? mappingFromJson(row.mapping) : new Map();
  }

  /** 400 for a region code that does not exist. */
  async checkRegion(region: string | undefined): Promise<void> {
    if (region === undefined) return;
    if (!(await this.reference.regionExists(this.dataSource.manager, region))) {
      const message = `未知的县（市、区）代码：${region}`;
      throw badRequest(message, [{ field: 'region', code: 'unknownRegion', message }]);
    }
  }

  /** Keeps `given` over what is kept for the region; true when that changed anything. */
  async keepIn(manager: EntityManager, kind: ImportKind, region: string | null, given: ColumnMapping, actor: string): Promise<boolean> {
    if (given.size === 0) return false;
    const row = await manager.findOneBy(ImportMapping, { kind, regionCode: region ?? IsNull() });
    const before = row ? mappingFromJson(row.mapping) : new Map<string, string | null>();
    const merged = new Map([...before, ...given]);
    const json = mappingJson(merged);
    if (row && row.mapping === json) return false;
    if (merged.size > MAX_KEPT) {
      const message = `该县（市、区）保存的列对应已超过 ${MAX_KEPT} 项`;
      throw badRequest(message, [{ field: 'mapping', code: 'tooManyKept', message }]);
    }
    const now = this.clock.nowIso();
    if (row) await manager.update(ImportMapping, { id: row.id }, { mapping: json, updatedBy: actor, updatedAt: now });
    else await manager.insert(ImportMapping, { kind, regionCode: region, mapping: json, updatedBy: actor, updatedAt: now });
    await this.recorder.record(manager, {
      actor,
      subject: auditSubject.import('mapping', `${kind}:${region ?? 'city'}`),
      action: 'mapping',
      before: row ? JSON.parse(row.mapping) : null,
      after: JSON.parse(json),
      at: now,
    });
    return true;
  }
}
