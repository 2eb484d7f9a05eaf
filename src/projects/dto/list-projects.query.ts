import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { PageQuery, PageSizeQuery, QueryInt, QueryText } from '../../common/index.js';
import { STAGES } from '../../lifecycle/index.js';

export const STAGE_FILTERS = [...STAGES, 'implementation'] as const;

export class ListProjectsQuery {
  @ApiPropertyOptional({ enum: STAGE_FILTERS, description: '`implementation` matches both 在建 and 停工' })
  @IsOptional()
  @IsIn(STAGE_FILTERS)
  stage?: (typeof STAGE_FILTERS)[number];

  @ApiPropertyOptional({ description: 'region code' })
  @IsOptional()
  @IsString()
  region?: string;

  @ApiPropertyOptional({ description: 'chain code' })
  @IsOptional()
  @IsString()
  chain?: string;

  @ApiPropertyOptional({ description: 'list year (with `list`, or alone: on any list that year)' })
  @IsOptional()
  @QueryInt(2000, 2100)
  year?: number;

  @ApiPropertyOptional({ enum: ['implementation', 'preparation'] })
  @IsOptional()
  @IsIn(['implementation', 'preparation'])
  list?: 'implementation' | 'preparation';

  @ApiPropertyOptional({ description: 'search in code, name and owner enterprise' })
  @IsOptional()
  @QueryText(100)
  q?: string;

  @ApiPropertyOptional({ description: 'the `next` of the page before: read the page after it by key (a seek, however deep), instead of `page`' })
  @IsOptional()
  @QueryText(200)
  after?: string;

  @PageQuery()
  page?: number;

  @PageSizeQuery()
  pageSize?: number;
}
