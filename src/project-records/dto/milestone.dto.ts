import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsOptional, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsText } from '../../common/index.js';

/** Most milestones one project may carry. */
export const MAX_MILESTONES = 20;

/** One milestone (节点) as `PUT /api/projects/:id/milestones` takes it (docs/domain/milestones.md). */
export class MilestoneDto {
  @ApiProperty({ description: '节点名称：开工、主体完工、设备安装、试生产、竣工投产，或自定' })
  @IsDefined({ message: '缺少节点名称 name' })
  @IsText(32)
  name: string;

  @ApiProperty({ description: '计划日期 YYYY-MM-DD' })
  @IsDefined({ message: '缺少计划日期 plannedDate' })
  @IsCalendarDate()
  plannedDate: string;

  @ApiPropertyOptional({ type: String, description: '实际完成日期 YYYY-MM-DD（不晚于今天）', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  actualDate?: string | null;
}

/** The whole list, as the body of the PUT is validated (the body itself is the array). */
export class MilestoneListDto {
  @IsArray({ message: '节点计划必须是数组 [{ name, plannedDate, actualDate? }]' })
  @ArrayMaxSize(MAX_MILESTONES, { message: `一个项目最多 ${MAX_MILESTONES} 个节点` })
  @ValidateNested({ each: true })
  @Type(() => MilestoneDto)
  milestones: MilestoneDto[];
}

/** A milestone reached, as the month form records it (`milestones` of a month report). */
export class MilestoneActualDto {
  @ApiProperty({ description: '节点名称（项目已有的节点）' })
  @IsDefined({ message: '缺少节点名称 name' })
  @IsText(32)
  name: string;

  @ApiProperty({ description: '实际完成日期 YYYY-MM-DD（不晚于今天）' })
  @IsDefined({ message: '缺少实际完成日期 actualDate' })
  @IsCalendarDate()
  actualDate: string;
}
