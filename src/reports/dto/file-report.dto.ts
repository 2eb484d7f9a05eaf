import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { RaiseRequestDto } from '../../requests/index.js';
import { MAX_MILESTONES, MilestoneActualDto } from '../../project-records/index.js';
import { IsText, IsWan } from '../../common/index.js';

/** `PUT /api/projects/:id/reports/:month`: one month's report (月调度). */
export class FileReportDto {
  @ApiProperty({ description: '当月完成投资（万元，非负整数）', example: 1200 })
  @IsDefined({ message: '缺少当月完成投资 amount' })
  @IsWan()
  amount: number;

  @ApiPropertyOptional({ type: String, nullable: true, description: '形象进度', example: '主体结构施工' })
  @IsOptional()
  @IsText(2000)
  progress?: string | null;

  @ApiPropertyOptional({ description: '存在问题及要素需求（用地、能耗、环境容量、资金）' })
  @IsOptional()
  @IsText(2000)
  problems?: string | null;

  @ApiPropertyOptional({
    type: [RaiseRequestDto],
    description: '要素需求：每项成为一条要素保障需求（与月报同一事务）；同一月报再次提交相同的需求不重复提出',
  })
  @IsOptional()
  @IsArray({ message: 'requests 必须是需求的数组' })
  @ArrayMaxSize(20, { message: '一次最多提出 20 项需求' })
  @ValidateNested({ each: true })
  @Type(() => RaiseRequestDto)
  requests?: RaiseRequestDto[];

  @ApiPropertyOptional({
    type: [MilestoneActualDto],
    description: '本月达到的节点：项目已有节点的实际完成日期（与月报同一事务；docs/domain/milestones.md）',
  })
  @IsOptional()
  @IsArray({ message: 'milestones 必须是节点的数组' })
  @ArrayMaxSize(MAX_MILESTONES, { message: `一次最多 ${MAX_MILESTONES} 个节点` })
  @ValidateNested({ each: true })
  @Type(() => MilestoneActualDto)
  milestones?: MilestoneActualDto[];

  @ApiPropertyOptional({ description: '已发布通报月份的更正原因（该月通报发布后必填）' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}
