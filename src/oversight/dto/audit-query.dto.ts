import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '../../audit/index.js';
import { badRequest, IsMonth, PageQuery, PageSizeQuery, parseInstant, QueryInt, QueryText } from '../../common/index.js';

const INSTANT_EXAMPLE = '2024-11-05T10:00:00+08:00';

class PeriodQuery {
  @ApiPropertyOptional({ description: `from this instant (inclusive), ISO 8601 with offset, e.g. ${INSTANT_EXAMPLE}` })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ description: 'up to this instant (inclusive), ISO 8601 with offset' })
  @IsOptional()
  @IsString()
  to?: string;
}

export class AuditEventsQuery extends PeriodQuery {
  @ApiPropertyOptional({ description: 'project, report, list, rating, target, bulletin, import, user, …' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  entity?: string;

  @ApiPropertyOptional({ description: 'for project, report and list entries: the project id' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({ description: 'the `next` of the page before: the entries after it by seq (a seek, however long the log), instead of `page`' })
  @IsOptional()
  @QueryText(200)
  after?: string;

  @PageQuery()
  page?: number;

  @PageSizeQuery()
  pageSize?: number;
}

export class VerifyQuery {
  @ApiPropertyOptional({ description: 'kept checkpoint: seq of the entry (with hash)' })
  @IsOptional()
  @QueryInt(0, 2_147_483_647)
  seq?: number;

  @ApiPropertyOptional({ description: 'kept checkpoint: its SHA-256, 64 hex digits (with seq)' })
  @IsOptional()
  @IsString()
  hash?: string;

  @ApiPropertyOptional({ description: "a published bulletin's month, YYYY-MM: its printed checkpoint (instead of seq and hash)" })
  @IsOptional()
  @IsMonth()
  bulletin?: string;
}

export class AnomaliesQuery {
  @ApiProperty({ description: 'year, e.g. 2024' })
  @QueryInt(2000, 2100)
  year: number;

  @ApiPropertyOptional({ default: 30, description: 'a month above this percentage of the total investment is flagged (1–100)' })
  @IsOptional()
  @QueryInt(1, 100)
  maxMonthSharePct?: number;

  @ApiPropertyOptional({ default: 3, description: 'a month above this multiple of the mean of the other months is flagged (1–100, one decimal)' })
  @IsOptional()
  @IsString()
  jumpFactor?: string;
}

export class HistoryExportQuery extends PeriodQuery {
  @ApiPropertyOptional({ description: 'entries about this project (project, reports, list places, comments)' })
  @IsOptional()
  @QueryInt(1, 2_147_483_647)
  projectId?: number;

  @ApiPropertyOptional({ description: "entries about this region's projects and its manual colours (region code)" })
  @IsOptional()
  @IsString()
  @MaxLength(12)
  region?: string;
}

/** `GET /api/audit/security` and its exports: a period and one kind (docs/access.md "The security log"). */
export class SecurityLogQuery extends PeriodQuery {
  @ApiPropertyOptional({ enum: SECURITY_EVENT_KINDS, description: 'login-failed 登录失败 · locked 锁定 · refused 被拒绝的写操作' })
  @IsOptional()
  @IsIn(SECURITY_EVENT_KINDS)
  kind?: SecurityEventKind;
}

/** An instant query parameter → stored form (UTC, milliseconds); malformed → 400. */
export function instantQuery(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const instant = parseInstant(value);
  if (!instant)
    throw badRequest(`${field} 格式错误`, [{ field, code: 'invalidInstant', message: `${field} 应为带时区的 ISO 8601 时刻，如 ${INSTANT_EXAMPLE}` }]);
  return instant;
}

/** `?seq=&hash=`: both or neither; the hash is 64 hex digits. (`?bulletin=` names a checkpoint instead: not both.) */
export function checkpointQuery(query: VerifyQuery): { seq: number; hash: string } | undefined {
  if (query.bulletin !== undefined && (query.seq !== undefined || query.hash !== undefined))
    throw badRequest('检查点只能用一种方式给出', [{ field: 'bulletin', code: 'checkpointTwice', message: 'bulletin 与 seq/hash 不能同时提供' }]);
  if (query.seq === undefined && query.hash === undefined) return undefined;
  if (query.seq === undefined || query.hash === undefined)
    throw badRequest('检查点需要同时提供 seq 和 hash', [
      { field: query.seq === undefined ? 'seq' : 'hash', code: 'checkpointIncomplete', message: '检查点需要同时提供 seq 和 hash' },
    ]);
  if (!/^[0-9a-fA-F]{64}$/.test(query.hash))
    throw badRequest('hash 格式错误', [{ field: 'hash', code: 'invalidHash', message: 'hash 应为 64 位十六进制 SHA-256' }]);
  return { seq: query.seq, hash: query.hash.toLowerCase() };
}

/** `?jumpFactor=`: 1–100 with at most one decimal; malformed → 400. */
export function jumpFactorQuery(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const factor = Number(value);
  if (!/^\d{1,3}(\.\d)?$/.test(value) || factor < 1 || factor > 100)
    throw badRequest('jumpFactor 格式错误', [{ field: 'jumpFactor', code: 'invalidJumpFactor', message: 'jumpFactor 应为 1–100 的数，至多一位小数' }]);
  return factor;
}
