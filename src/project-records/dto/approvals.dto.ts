import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../common/index.js';

/** 前期手续: the date each approval was obtained, or null while outstanding. */
export class ApprovalsDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: '立项（备案/核准）', example: '2024-01-15' })
  @IsOptional()
  @IsCalendarDate()
  filing?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '用地' })
  @IsOptional()
  @IsCalendarDate()
  land?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '规划许可' })
  @IsOptional()
  @IsCalendarDate()
  planning?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '环评' })
  @IsOptional()
  @IsCalendarDate()
  environment?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '节能审查' })
  @IsOptional()
  @IsCalendarDate()
  energy?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '施工许可' })
  @IsOptional()
  @IsCalendarDate()
  construction?: string | null;
}
