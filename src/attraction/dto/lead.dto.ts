import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { IsCalendarDate, IsName, IsText, IsWan, PageQuery, PageSizeQuery, QueryText } from '../../common/index.js';
import { CreateProjectDto, IsProjectName } from '../../project-records/index.js';
import { LEAD_EVENT_TYPES, LEAD_ORIGINS, LEAD_STATUSES, type LeadEventType, type LeadOrigin, type LeadStatus } from '../lead-states.js';

/** Text a person must fill in (something other than spaces), at most `length` characters. */
const IsFilledName = (length: number) => applyDecorators(IsName(length), Matches(/\S/u, { message: '不能为空' }));

/** `POST /api/leads` (docs/domain/attraction.md "Leads"). A chain team's chain and a county operator's place come from who they are. */
export class CreateLeadDto {
  @ApiProperty({ description: '招商项目名称', maxLength: 200 })
  @IsDefined({ message: '缺少项目名称 name' })
  @IsProjectName()
  name: string;

  @ApiProperty({ description: '投资方', maxLength: 200 })
  @IsDefined({ message: '缺少投资方 investor' })
  @IsFilledName(200)
  investor: string;

  @ApiProperty({ enum: LEAD_ORIGINS, description: '投资方来源：inProvince 省内 / outOfProvince 省外 / abroad 境外' })
  @IsDefined({ message: '缺少投资方来源 origin' })
  @IsIn(LEAD_ORIGINS, { message: `origin 必须是 ${LEAD_ORIGINS.join(', ')} 之一` })
  origin: LeadOrigin;

  @ApiPropertyOptional({ description: '产业链代码（产业链专班默认本链）', example: 'green-chemical' })
  @IsOptional()
  @IsString()
  chain?: string;

  @ApiPropertyOptional({ description: '意向落地县（市、区）代码（县区操作员默认本县区）', example: '371502' })
  @IsOptional()
  @IsString()
  region?: string;

  @ApiProperty({ description: '意向投资额（万元，整数）', example: 50000 })
  @IsDefined({ message: '缺少意向投资额 intendedInvestment' })
  @IsWan()
  intendedInvestment: number;

  @ApiPropertyOptional({ description: '联系人及电话', maxLength: 200 })
  @IsOptional()
  @IsName(200)
  contact?: string | null;
}

/** The new project a LAND creates: the project fields a lead does not already decide (place, chain, origin and 谋划 date are the lead's). */
export class LandProjectDto extends PickType(CreateProjectDto, [
  'code',
  'ownerEnterprise',
  'totalInvestment',
  'content',
  'plannedStartDate',
  'plannedCompletionDate',
  'approvals',
] as const) {
  @ApiPropertyOptional({ description: '项目名称（默认为招商项目名称）', maxLength: 200 })
  @IsOptional()
  @IsProjectName()
  name?: string;
}

/** `POST /api/leads/:id/events`: `{ type, ...payload }`. */
export class LeadEventDto {
  @ApiProperty({ enum: LEAD_EVENT_TYPES })
  @IsDefined({ message: '缺少事件类型 type' })
  @IsIn(LEAD_EVENT_TYPES, { message: `type 必须是 ${LEAD_EVENT_TYPES.join(', ')} 之一` })
  type: LeadEventType;

  @ApiPropertyOptional({ description: 'SIGN：合同金额（万元，大于 0 的整数）', example: 25000 })
  @IsOptional()
  @IsWan()
  amount?: number;

  @ApiPropertyOptional({ description: 'SIGN：签约日期；LAND：落地日期（默认今天）', example: '2024-03-15' })
  @IsOptional()
  @IsCalendarDate()
  date?: string;

  @ApiPropertyOptional({ description: 'SIGN：协议编号', maxLength: 64 })
  @IsOptional()
  @IsName(64)
  agreementNo?: string;

  @ApiPropertyOptional({ description: 'LAND: the id of an existing project to link (either this or project); the page chooses it by code or name' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '关联的项目无效：请按项目编码或名称选择' })
  @IsInt({ message: '关联的项目无效：请按项目编码或名称选择' })
  @Min(1, { message: '关联的项目无效：请按项目编码或名称选择' })
  @Max(2_147_483_647, { message: '关联的项目无效：请按项目编码或名称选择' })
  projectId?: number;

  @ApiPropertyOptional({ type: LandProjectDto, description: 'LAND：新建的储备项目（与 projectId 二选一）' })
  @IsOptional()
  @IsObject({ message: '新建项目的信息格式有误' })
  @ValidateNested()
  @Type(() => LandProjectDto)
  project?: LandProjectDto;

  @ApiPropertyOptional({ description: 'TERMINATE：终止原因' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}

export type LeadEventField = Exclude<keyof LeadEventDto, 'type'>;

/** Which payload fields each event takes; anything else is refused as an unknown field. */
export const LEAD_EVENT_FIELDS: Record<LeadEventType, readonly LeadEventField[]> = {
  SIGN: ['amount', 'date', 'agreementNo'],
  LAND: ['date', 'projectId', 'project'],
  TERMINATE: ['reason'],
};

/** `PUT /api/leads/:id/funds/:month`: one month's 到位资金. */
export class FileFundDto {
  @ApiProperty({ description: '当月到位资金（万元，非负整数）', example: 3000 })
  @IsDefined({ message: '缺少到位资金 amount' })
  @IsWan()
  amount: number;

  @ApiPropertyOptional({ description: '已发布通报月份的更正原因（该月通报发布后必填）' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}

export class ListLeadsQuery {
  @ApiPropertyOptional({ description: 'chain code' })
  @IsOptional()
  @QueryText(32)
  chain?: string;

  @ApiPropertyOptional({ description: 'region code' })
  @IsOptional()
  @QueryText(12)
  region?: string;

  @ApiPropertyOptional({ enum: LEAD_STATUSES })
  @IsOptional()
  @IsIn(LEAD_STATUSES)
  status?: LeadStatus;

  @PageQuery()
  page?: number;

  @PageSizeQuery()
  pageSize?: number;
}
