import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, ValidateBy, type ValidationOptions } from 'class-validator';
import { IsCalendarDate, IsText, PageQuery, PageSizeQuery, QueryInt, QueryText } from '../../common/index.js';
import { REQUEST_KINDS } from '../../reference/index.js';
import { REQUEST_EVENT_TYPES, type RequestEventType } from '../request-states.js';

/**
 * A quantity as the client sends it: a JSON number or a decimal string (a 400 for anything
 * else); whether it fits the kind's unit and scale is a rule (422, rules/quantities.ts).
 */
export function IsQuantityInput(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNumber',
      validator: {
        validate: (value: unknown) => (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'string',
        defaultMessage: (args) => `${args?.property} 必须是数字或十进制数字文本，如 12.5 或 "12.5"`,
      },
    },
    options,
  );
}

/**
 * `POST /api/projects/:id/requests`, and each entry of a monthly report's `requests`: one need
 * (docs/domain/requests.md "Kinds and units"). Codes are checked by the service (unknown → 422).
 */
export class RaiseRequestDto {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsDefined({ message: '缺少需求类型 kind' })
  @IsText(32)
  kind: string;

  @ApiPropertyOptional({ description: '数量，按类型的计量单位：用地 亩（2 位小数）、能耗 吨标准煤（整数）、环境容量 吨/年（3 位小数）、资金 万元（整数）；数字或十进制文本', example: '120.5' })
  @IsOptional()
  @IsQuantityInput()
  quantity?: number | string;

  @ApiPropertyOptional({ description: '计量单位（可省略；若给出须与类型一致：mu/亩、tce/吨标准煤、tpa/吨/年、wan/万元）' })
  @IsOptional()
  @IsText(16)
  unit?: string;

  @ApiPropertyOptional({ description: 'kind=approval：哪一项前期手续（filing, land, planning, environment, energy, construction）' })
  @IsOptional()
  @IsText(16)
  approval?: string;

  @ApiPropertyOptional({ description: 'kind=environment：污染物（cod, ammonia, so2, nox, vocs, particulates）' })
  @IsOptional()
  @IsText(16)
  pollutant?: string;

  @ApiProperty({ description: '需求说明' })
  @IsDefined({ message: '缺少需求说明 description' })
  @IsText(2000)
  description: string;

  @ApiPropertyOptional({ description: '需要保障的日期', example: '2024-09-30' })
  @IsOptional()
  @IsCalendarDate()
  neededBy?: string;
}

/** `POST /api/requests/:id/events`: `{ type, ...payload }`; which fields each type takes is REQUEST_EVENT_FIELDS. */
export class RequestEventDto {
  @ApiProperty({ enum: REQUEST_EVENT_TYPES })
  @IsDefined({ message: '缺少事件类型 type' })
  @IsIn(REQUEST_EVENT_TYPES, { message: `type 必须是 ${REQUEST_EVENT_TYPES.join(', ')} 之一` })
  type: RequestEventType;

  @ApiPropertyOptional({ description: 'ACCEPT: simple | frequent | complex（简单/高频/复杂）' })
  @IsOptional()
  @IsText(16)
  category?: string;

  @ApiPropertyOptional({ description: 'ACCEPT: 承诺办结日期（不早于今天）' })
  @IsOptional()
  @IsCalendarDate()
  promisedDate?: string;

  @ApiPropertyOptional({ description: 'RESOLVE: 保障数量（按类型单位，可省略）' })
  @IsOptional()
  @IsQuantityInput()
  granted?: number | string;

  @ApiPropertyOptional({ description: 'RESOLVE of an approval request: 审批办结日期（同时记为项目该项手续已办）' })
  @IsOptional()
  @IsCalendarDate()
  approvalDate?: string;

  @ApiPropertyOptional({ description: 'RESOLVE: 办理情况（必填）' })
  @IsOptional()
  @IsText(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'EVALUATE: satisfied | basically | dissatisfied' })
  @IsOptional()
  @IsText(16)
  rating?: string;

  @ApiPropertyOptional({ description: 'RETURN / ESCALATE: 原因（必填）；EVALUATE dissatisfied: 原因（必填）' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}

export type RequestEventField = Exclude<keyof RequestEventDto, 'type'>;

/** Which payload fields each event takes; anything else is refused as an unknown field (400). */
export const REQUEST_EVENT_FIELDS: Record<RequestEventType, readonly RequestEventField[]> = {
  ACCEPT: ['category', 'promisedDate'],
  RESOLVE: ['granted', 'note', 'approvalDate'],
  RETURN: ['reason'],
  EVALUATE: ['rating', 'reason'],
  ESCALATE: ['reason'],
};

export const REQUEST_EVENT_FIELD_NAMES: readonly RequestEventField[] = ['category', 'promisedDate', 'granted', 'approvalDate', 'note', 'rating', 'reason'];

/** `GET /api/requests`: filters (codes checked by the service: unknown → 422), paging, `asOf`. */
export class ListRequestsQuery {
  @ApiPropertyOptional() @IsOptional() @QueryText(16) status?: string;
  @ApiPropertyOptional() @IsOptional() @QueryText(16) kind?: string;
  @ApiPropertyOptional({ description: 'department code' }) @IsOptional() @QueryText(32) department?: string;
  @ApiPropertyOptional({ description: 'region code' }) @IsOptional() @QueryText(12) region?: string;
  @ApiPropertyOptional({ description: 'project id' }) @IsOptional() @QueryInt(1, 2_147_483_647) project?: number;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) overdue?: 'true' | 'false';
  @ApiPropertyOptional({ description: 'instant with offset: the requests as recorded then' }) @IsOptional() @QueryText(40) asOf?: string;
  @ApiPropertyOptional({ description: 'YYYY-MM-DD: the day overdue is counted to (not after the asOf day; default that day), as the board\'s 要素保障 block counts to its 截至 date' })
  @IsOptional()
  @IsCalendarDate()
  refDate?: string;
  @PageQuery() page?: number;
  @PageSizeQuery() pageSize?: number;
}

/** `PUT /api/request-settings`. */
export class RequestSettingsDto {
  @ApiProperty({ description: '受理时限：提出后多少个工作日内须受理（或退回），0–30', example: 5 })
  @IsDefined({ message: '缺少 acceptWorkingDays' })
  @ValidateBy({
    name: 'isNumber',
    validator: { validate: (value: unknown) => typeof value === 'number', defaultMessage: () => 'acceptWorkingDays 必须是数字' },
  })
  acceptWorkingDays: number;
}
