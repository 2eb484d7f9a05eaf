import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsText, QueryInt } from '../../common/index.js';
import { RaiseRequestDto } from '../../requests/index.js';
import { ACTIVITY_KINDS, type ActivityKind } from '../people.types.js';
import { PersonId } from './person.dto.js';
import { EachText } from './responsibility.dto.js';

/** A finding raised as a 要素保障 request in the same step: one need of one of the projects visited. */
export class ActivityRequestDto extends RaiseRequestDto {
  @ApiProperty({ description: '提出需求的项目（须为本次活动走访的项目之一）' })
  @IsDefined({ message: '缺少项目 projectId' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'projectId 必须是数字' })
  @IsInt({ message: 'projectId 必须是整数' })
  @Min(1, { message: 'projectId 必须是正整数' })
  @Max(2_147_483_647, { message: 'projectId 过大' })
  projectId: number;
}

/** `POST /api/chains/:code/activities`: a 链长 activity (docs/domain/responsibility.md "Activities"). */
export class CreateActivityDto {
  @ApiProperty({ enum: ACTIVITY_KINDS, description: 'patrol 巡链 / inquiry 问链 / diagnosis 诊链 / meeting 调度会 / matching 融链固链对接' })
  @IsDefined({ message: '缺少活动类型 kind' })
  @IsIn(ACTIVITY_KINDS, { message: `kind 必须是 ${ACTIVITY_KINDS.join(', ')} 之一` })
  kind: ActivityKind;

  @ApiProperty({ example: '2024-06-18' })
  @IsDefined({ message: '缺少日期 date' })
  @IsCalendarDate()
  date: string;

  @PersonId('带队领导：人员编号（默认：该链当年的链长）')
  leaderId?: number | null;

  @ApiProperty({ type: [String], description: '走访的企业（项目库中项目的建设单位）' })
  @IsDefined({ message: '缺少走访企业 enterprises（可为空数组）' })
  @IsArray({ message: 'enterprises 必须是数组' })
  @ArrayMaxSize(50)
  @EachText(200)
  enterprises: string[];

  @ApiProperty({ type: [Number], description: '走访的项目编号' })
  @IsDefined({ message: '缺少走访项目 projectIds（可为空数组）' })
  @IsArray({ message: 'projectIds 必须是数组' })
  @ArrayMaxSize(100)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true, message: 'projectIds 的每一项必须是数字' })
  @IsInt({ each: true, message: 'projectIds 的每一项必须是整数' })
  @Min(1, { each: true, message: 'projectIds 的每一项必须是正整数' })
  @Max(2_147_483_647, { each: true })
  projectIds: number[];

  @ApiProperty({ description: '发现的问题与情况' })
  @IsDefined({ message: '缺少发现的情况 findings' })
  @IsText(4000)
  findings: string;

  @ApiPropertyOptional({ type: [ActivityRequestDto], description: '同时提出的要素保障需求（来源为本次活动）' })
  @IsOptional()
  @IsArray({ message: 'requests 必须是数组' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ActivityRequestDto)
  requests?: ActivityRequestDto[];
}

export class ActivitiesQuery {
  @ApiPropertyOptional({ description: '年度（默认：全部）' })
  @IsOptional()
  @QueryInt(2000, 2100)
  year?: number;
}
