import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { QueryInt } from '../../common/index.js';

/** `GET /api/me/home`: the board's year and month (default: the period the pages open on). */
export class HomeQuery {
  @ApiPropertyOptional({ description: 'year (default: the board\'s default year)' })
  @IsOptional()
  @QueryInt(2000, 2100)
  year?: number;

  @ApiPropertyOptional({ description: 'month 1–12 (default: the board\'s default month of the year)' })
  @IsOptional()
  @QueryInt(1, 12)
  month?: number;
}
