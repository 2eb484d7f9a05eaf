import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { IsCalendarDate, IsName, IsText, IsWan } from '../../common/index.js';
import { PROJECT_ORIGINS, type ProjectOrigin } from '../project.entity.js';
import { ApprovalsDto } from './approvals.dto.js';

/** The editable fields of a project other than its name, shared by create and update. */
export class ProjectFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: '建设单位', maxLength: 200 })
  @IsOptional()
  @IsName(200)
  ownerEnterprise?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '县（市、区）统计用区划代码', example: '371502' })
  @IsOptional()
  @IsString()
  region?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '产业链代码（见 GET /api/chains）', example: 'green-chemical' })
  @IsOptional()
  @IsString()
  chain?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: '总投资（万元，整数）', example: 120000 })
  @IsOptional()
  @IsWan()
  totalInvestment?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '建设内容', maxLength: 4000 })
  @IsOptional()
  @IsText(4000)
  content?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '形象进度（当前进展，文字）', maxLength: 2000, example: '设备安装调试' })
  @IsOptional()
  @IsText(2000)
  progress?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '计划开工时间', example: '2024-03-01' })
  @IsOptional()
  @IsCalendarDate()
  plannedStartDate?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '计划竣工时间', example: '2025-12-31' })
  @IsOptional()
  @IsCalendarDate()
  plannedCompletionDate?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: PROJECT_ORIGINS, description: '项目来源：attracted 招商引进 / expansion 本地企业扩产 / renovation 技改' })
  @IsOptional()
  @IsIn([...PROJECT_ORIGINS, null], { message: 'origin 必须是 attracted、expansion 或 renovation' })
  origin?: ProjectOrigin | null;

  @ApiPropertyOptional({ description: '谋划入库日期（默认为建立项目的日期）', example: '2024-02-01' })
  @IsOptional()
  @IsCalendarDate()
  plannedAt?: string;

  @ApiPropertyOptional({ type: ApprovalsDto, description: '前期手续（六项）' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ApprovalsDto)
  approvals?: ApprovalsDto;
}

/** A project name: text of at most 200 characters with something other than spaces in it. */
export const IsProjectName = () =>
  applyDecorators(IsName(200), Matches(/\S/u, { message: '项目名称不能为空' }));
