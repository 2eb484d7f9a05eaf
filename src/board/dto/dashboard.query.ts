import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageQuery, PageSizeQuery, QueryInt } from '../../common/index.js';

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

export class DashboardProjectsQuery extends DashboardQuery {
  @ApiPropertyOptional({ description: 'region code' })
  @IsOptional()
  @IsString()
  region?: string;

  @ApiPropertyOptional({ description: 'chain code' })
  @IsOptional()
  @IsString()
  chain?: string;

  @ApiPropertyOptional({ enum: ['implementation', 'preparation'] })
  @IsOptional()
  @IsIn(['implementation', 'preparation'])
  list?: 'implementation' | 'preparation';

  @ApiPropertyOptional({ description: 'one project (the phone card of a leader\'s home): its own 序时 figures when it is listed' })
  @IsOptional()
  @QueryInt(1, 2_147_483_647)
  project?: number;

  @PageQuery()
  page?: number;

  @PageSizeQuery()
  pageSize?: number;
}
