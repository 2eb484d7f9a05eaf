import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateBy, ValidateNested, type ValidationOptions } from 'class-validator';
import { IsCalendarDate, IsText, IsWan, PageQuery, PageSizeQuery, QueryInt, QueryText } from '../../common/index.js';
import { REQUEST_KINDS } from '../../reference/index.js';
import { FEEDBACK_METHODS, GROUP_EVENT_TYPES, GROUP_STATUSES, REQUEST_CHANNELS, REQUEST_EVENT_TYPES, type GroupEventType, type RequestEventType } from '../request-states.js';

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
 * One need (docs/domain/requests.md "Kinds and units"): what every way of raising one carries.
 * Codes are checked by the service (unknown → 422).
 */
export class NeedDto {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsDefined({ message: '缺少需求类型 kind' })
  @IsText(32)
  kind: string;

  @ApiPropertyOptional({ oneOf: [{ type: 'number' }, { type: 'string' }], description: '数量，按类型的计量单位：用地 亩（2 位小数）、能耗 吨标准煤（整数）、环境容量 吨/年（3 位小数）、资金 万元（整数）；数字或十进制文本', example: '120.5' })
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

  @ApiPropertyOptional({ description: '涉及的政策（可空；共性问题按要素、承办部门和政策归并）', example: '技改补贴' })
  @IsOptional()
  @IsText(64)
  policyTag?: string;

  /** Where it came in (REQUEST_CHANNELS); optional on a project's need, required on a problem. */
  channel?: string;

  @ApiPropertyOptional({ description: '带来该问题的专员（人员名录中的 id，如专员走访时）' })
  @IsOptional()
  @IsInt({ message: 'commissionerId 必须是整数' })
  @Min(1)
  @Max(2_147_483_647)
  commissionerId?: number;
}

/**
 * `POST /api/projects/:id/requests`, and each entry of a monthly report's `requests`: one need
 * of a project; its channel is 其他 on the project page and 月调度 with a report unless named.
 */
export class RaiseRequestDto extends NeedDto {
  @ApiPropertyOptional({ enum: REQUEST_CHANNELS, description: '收集渠道：企业热线 hotline、企业诉求通 appeal、专员走访 commissioner、巡链 patrol、月调度 monthly、其他 other（项目页默认 other，随月报提出为 monthly）' })
  @IsOptional()
  @IsText(16)
  declare channel?: string;
}

/** The enterprise a problem is about, and who to call there. */
export class ProblemEnterpriseDto {
  @ApiProperty({ description: '企业名称' })
  @IsDefined({ message: '缺少企业名称 enterprise.name' })
  @IsText(200)
  name: string;

  @ApiPropertyOptional({ description: '联系人' })
  @IsOptional()
  @IsText(64)
  contact?: string;

  @ApiPropertyOptional({ description: '联系电话' })
  @IsOptional()
  @IsText(32)
  phone?: string;
}

/**
 * `POST /api/requests`: a problem from any channel about a project (`projectId`), an enterprise
 * not on any list (`enterprise`, in a county) or a chain (`chain`); docs/domain/requests.md
 * "Problems from every channel".
 */
export class RaiseProblemDto extends NeedDto {
  @ApiProperty({ enum: REQUEST_CHANNELS })
  @IsDefined({ message: '缺少收集渠道 channel' })
  @IsText(16)
  declare channel: string;

  @ApiPropertyOptional({ description: '涉及的项目 id' })
  @IsOptional()
  @IsInt({ message: 'projectId 必须是整数' })
  @Min(1)
  @Max(2_147_483_647)
  projectId?: number;

  @ApiPropertyOptional({ type: ProblemEnterpriseDto, description: '涉及的企业（不在清单上的企业也可）' })
  @IsOptional()
  @IsObject({ message: 'enterprise 必须是对象' })
  @ValidateNested()
  @Type(() => ProblemEnterpriseDto)
  enterprise?: ProblemEnterpriseDto;

  @ApiPropertyOptional({ description: '涉及的产业链代码（全链共性问题，或企业所属产业链）' })
  @IsOptional()
  @IsText(32)
  chain?: string;

  @ApiPropertyOptional({ description: '企业所在县（市、区）代码；县区用户可省略（即本县区）' })
  @IsOptional()
  @IsText(12)
  region?: string;
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

  @ApiPropertyOptional({ description: 'RESOLVE: 办理情况（必填）；FEEDBACK: 告知内容（可空）' })
  @IsOptional()
  @IsText(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'EVALUATE: satisfied | basically | dissatisfied' })
  @IsOptional()
  @IsText(16)
  rating?: string;

  @ApiPropertyOptional({ description: 'RETURN / ESCALATE: 原因（必填；ESCALATE 为常务会材料的“存在问题”）；EVALUATE dissatisfied: 原因（必填）' })
  @IsOptional()
  @IsText(1000)
  reason?: string;

  @ApiPropertyOptional({ enum: FEEDBACK_METHODS, description: 'FEEDBACK: 告知企业的方式' })
  @IsOptional()
  @IsText(16)
  method?: string;

  @ApiPropertyOptional({ description: 'FEEDBACK: 告知企业的日期（不晚于今天）' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ description: 'EVALUATE: 企业评价人（企业方作出评价的人）' })
  @IsOptional()
  @IsText(100)
  respondent?: string;

  @ApiPropertyOptional({ description: 'FEEDBACK / EVALUATE: 告知企业或收集企业评价的专员（人员名录中的 id，可空）' })
  @IsOptional()
  @IsInt({ message: 'commissionerId 必须是整数' })
  @Min(1)
  @Max(2_147_483_647)
  commissionerId?: number;

  @ApiPropertyOptional({ description: 'ESCALATE: 议题（可空，默认按企业和要素生成）' })
  @IsOptional()
  @IsText(200)
  topic?: string;

  @ApiPropertyOptional({ description: 'ESCALATE: 部门意见' })
  @IsOptional()
  @IsText(2000)
  opinion?: string;

  @ApiPropertyOptional({ description: 'ESCALATE: 建议' })
  @IsOptional()
  @IsText(2000)
  proposal?: string;

  @ApiPropertyOptional({ description: 'DECIDE: 议定事项' })
  @IsOptional()
  @IsText(2000)
  decision?: string;

  @ApiPropertyOptional({ description: 'DECIDE: 责任单位' })
  @IsOptional()
  @IsText(200)
  responsibleUnit?: string;

  @ApiPropertyOptional({ description: 'DECIDE: 办理时限（不早于今天）' })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string;
}

export type RequestEventField = Exclude<keyof RequestEventDto, 'type'>;

/** Which payload fields each event takes; anything else is refused as an unknown field (400). */
export const REQUEST_EVENT_FIELDS: Record<RequestEventType, readonly RequestEventField[]> = {
  ACCEPT: ['category', 'promisedDate'],
  RESOLVE: ['granted', 'note', 'approvalDate'],
  FEEDBACK: ['method', 'date', 'note', 'commissionerId'],
  RETURN: ['reason'],
  EVALUATE: ['rating', 'reason', 'respondent', 'commissionerId'],
  ESCALATE: ['reason', 'topic', 'opinion', 'proposal'],
  DECIDE: ['decision', 'responsibleUnit', 'deadline'],
};

export const REQUEST_EVENT_FIELD_NAMES: readonly RequestEventField[] = [
  'category', 'promisedDate', 'granted', 'approvalDate', 'note', 'rating', 'reason', 'method', 'date', 'respondent', 'commissionerId', 'topic', 'opinion', 'proposal', 'decision', 'responsibleUnit', 'deadline',
];

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

/** `PUT /api/requests/:id/disbursements/:month`: the 到位 of a 资金 request in a month. */
export class FileDisbursementDto {
  @ApiProperty({ description: '当月到位资金（万元，非负整数）', example: 3000 })
  @IsDefined({ message: '缺少到位金额 amount' })
  @IsWan()
  amount: number;

  @ApiPropertyOptional({ description: '已发布通报月份的更正原因（该月通报发布后必填）' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}

/** `GET /api/requests/groups?status=`. */
export class ListGroupsQuery {
  @ApiPropertyOptional({ enum: GROUP_STATUSES }) @IsOptional() @QueryText(16) status?: string;
}

/** `POST /api/requests/groups/:id/events`: `{ type, ...payload }`; RESOLVE takes the one answer (`note`), DISMISS a `reason`. */
export class GroupEventDto {
  @ApiProperty({ enum: GROUP_EVENT_TYPES })
  @IsDefined({ message: '缺少事件类型 type' })
  @IsIn(GROUP_EVENT_TYPES, { message: `type 必须是 ${GROUP_EVENT_TYPES.join(', ')} 之一` })
  type: GroupEventType;

  @ApiPropertyOptional({ description: 'RESOLVE: 统一办理情况（给每个成员问题的答复，必填）' })
  @IsOptional()
  @IsText(2000)
  note?: string;

  @ApiPropertyOptional({ description: 'DISMISS: 不予合并的原因（必填）' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}

export const GROUP_EVENT_FIELDS: Record<GroupEventType, readonly ('note' | 'reason')[]> = { CONFIRM: [], RESOLVE: ['note'], DISMISS: ['reason'] };
