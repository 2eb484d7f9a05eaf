import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { QueryInt } from '../../common/validation.js';

export class DashboardQuery {
  @ApiPropertyOptional({ description: 'month 1–12 (default: 12 for past years, last month for this year)' })
  @IsOptional()
  @QueryInt(1, 12)
  month?: number;

  @ApiPropertyOptional({ description: 'instant with offset, e.g. 2024-11-05T10:00:00+08:00: only what was recorded by then' })
  @IsOptional()
  @IsString()
  asOf?: string;
}
