import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DefaultPeriod } from './default-period.js';

/** `GET /api/periods/default`: the period a page opens on (docs/default-period.md). */
export class DefaultPeriodAnswer implements DefaultPeriod {
  @ApiProperty({ format: 'date', description: 'today in the configured calendar zone' }) today: string;
  @ApiProperty({ example: '2026-11', description: 'the month being collected (last month): the workbench\'s default month' }) lastMonth: string;
  @ApiProperty({ type: 'integer', description: 'the year the war room opens on' }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12, description: 'the month the war room opens on' }) month: number;
  @ApiProperty({ type: 'array', items: { type: 'integer' }, description: 'years that have a plan, ascending' }) years: number[];
  @ApiProperty({ description: 'true when `year` is not last month\'s year because that year has no plan' }) fallback: boolean;
  @ApiPropertyOptional({ description: 'what the page says when it fell back (or when no year has a plan at all)' }) note?: string;
}
