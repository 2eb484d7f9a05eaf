import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsMonth, PageSizeQuery } from '../../common/index.js';
import { ListProjectsQuery } from '../../projects/index.js';

/**
 * `GET /api/workbench/projects`: the project list's filters (stage, region, chain, list, q,
 * page), with the month being collected instead of a year, and a larger default page.
 */
export class WorkbenchProjectsQuery extends OmitType(ListProjectsQuery, ['year', 'pageSize'] as const) {
  @ApiPropertyOptional({ description: 'the month being collected, YYYY-MM (default: last month); also the year of `list`' })
  @IsOptional()
  @IsMonth()
  month?: string;

  @PageSizeQuery(200)
  pageSize?: number;
}
