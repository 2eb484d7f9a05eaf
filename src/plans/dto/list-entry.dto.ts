import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsIn, IsOptional } from 'class-validator';
import { IsText, IsWan } from '../../common/index.js';
import type { ListCategory } from '../list-entry.entity.js';

/** `PUT /api/lists/:year/entries/:projectId`. */
export class PutListEntryDto {
  @ApiProperty({ enum: ['implementation', 'preparation'] })
  @IsDefined({ message: '缺少清单类别 category' })
  @IsIn(['implementation', 'preparation'], { message: 'category 必须是 implementation 或 preparation' })
  category: ListCategory;

  @ApiProperty({ description: '年度计划投资（万元，整数）' })
  @IsDefined({ message: '缺少年度计划投资 plannedInvestment' })
  @IsWan()
  plannedInvestment: number;

  @ApiPropertyOptional({ description: '倒排工期：1–12 月计划投资（万元），合计须等于年度计划投资', type: [Number], nullable: true })
  @IsOptional()
  @IsArray({ message: 'monthlyPlan 必须是 12 个整数的数组' })
  @ArrayMinSize(12, { message: 'monthlyPlan 必须正好 12 个月' })
  @ArrayMaxSize(12, { message: 'monthlyPlan 必须正好 12 个月' })
  @IsWan({ each: true })
  monthlyPlan?: number[] | null;

  @ApiPropertyOptional({ description: '列为市级重点项目（总投资须达到当年重点项目门槛）' })
  @IsOptional()
  @IsBoolean({ message: 'keyProject 必须是 true 或 false' })
  keyProject?: boolean;

  @ApiPropertyOptional({ description: '调整原因（年度计划发布后必填）' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}
