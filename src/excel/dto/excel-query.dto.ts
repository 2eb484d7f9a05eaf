import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsText, QueryInt } from '../../common/validation.js';

/** `?commit=true` applies the file; anything else is a dry run. */
class CommitQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: 'true: apply (all rows or none); default: dry run' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'commit 只能是 true 或 false' })
  commit?: 'true' | 'false';
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
