import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsMonth, PageQuery, PageSizeQuery } from '../../common/validation.js';
import { STAGE_FILTERS } from '../../projects/dto/list-projects.query.js';

/** `GET /api/workbench/projects`: the project list filters, with the month being collected. */
export class WorkbenchProjectsQuery {
  @ApiPropertyOptional({ description: 'the month being collected, YYYY-MM (default: last month); also the year of `list`' })
  @IsOptional()
  @IsMonth()
  month?: string;

  @ApiPropertyOptional({ enum: STAGE_FILTERS, description: '`implementation` matches both 在建 and 停工' })
  @IsOptional()
  @IsIn(STAGE_FILTERS)
  stage?: (typeof STAGE_FILTERS)[number];

  @ApiPropertyOptional({ description: 'region code (within the caller\'s scope)' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  region?: string;

  @ApiPropertyOptional({ description: 'chain code' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  chain?: string;

  @ApiPropertyOptional({ enum: ['implementation', 'preparation'], description: "on that list in the month's year" })
  @IsOptional()
  @IsIn(['implementation', 'preparation'])
  list?: 'implementation' | 'preparation';

  @ApiPropertyOptional({ description: 'search in code, name and owner enterprise' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @PageQuery()
  page?: number;

  @PageSizeQuery(200)
  pageSize?: number;
}
