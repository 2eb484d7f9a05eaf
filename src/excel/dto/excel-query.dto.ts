import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsText, QueryInt } from '../../common/index.js';

/** `?commit=true` applies the file; anything else is a dry run. `?async=true` runs it as a job. */
class CommitQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'true: apply (all rows or none); default: dry run' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'commit 只能是 true 或 false' })
  commit?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'true: answer 202 { jobId } at once; poll GET /api/imports/jobs/:jobId for progress and the result' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'async 只能是 true 或 false' })
  async?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'column mapping as JSON { "表头": "field" | null } (also accepted as a multipart field); kept for the region when the import is committed' })
  @IsOptional()
  @IsText(20_000)
  mapping?: string;

  @ApiPropertyOptional({ description: 'the county (区划代码) the file comes from: its kept column mapping applies (default: the city office; a county operator: their own)' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'region 应为 6 位区划代码' })
  region?: string;
}

export class LedgerImportQuery extends CommitQuery {
  @ApiPropertyOptional({ description: 'list year for 项目类别 (default: the year in the sheet title, else 2024)' })
  @IsOptional()
  @QueryInt(2000, 2100)
  year?: number;
}

export class ReportImportQuery extends CommitQuery {
  @ApiPropertyOptional({ description: 'correction reason, needed when the month\'s bulletin is published' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}

export class LedgerExportQuery {
  @ApiPropertyOptional({ description: 'list year for 项目类别 (default: the current year)' })
  @IsOptional()
  @QueryInt(2000, 2100)
  year?: number;
}
