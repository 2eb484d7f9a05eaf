import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One problem in an imported sheet: the row Excel shows, the column's header as written, and what is wrong. */
export class RowError {
  @ApiProperty({ description: 'row number as Excel shows it' }) row: number;
  @ApiProperty({ nullable: true, type: String, description: 'the column header as written in the file; null for the row as a whole' })
  column: string | null;
  @ApiProperty() message: string;
}

export class ImportedFile {
  @ApiProperty() name: string;
  @ApiProperty({ description: 'SHA-256 of the uploaded bytes (hex)' }) sha256: string;
}

/**
 * docs/api.md: `{ rows, created, updated, unchanged, errors }`. A dry run and a commit
 * run the same checks in the same way (a trial inside one write transaction, rolled back
 * unless committing); with any error nothing is applied and `committed` is false.
 */
export class ImportResult {
  @ApiProperty({ description: 'data rows read (title, header, blank, section and total rows not counted)' }) rows: number;
  @ApiProperty() created: number;
  @ApiProperty() updated: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ type: [RowError] }) errors: RowError[];
  @ApiProperty({ description: 'true when the changes were applied (commit=true and no errors)' }) committed: boolean;
  @ApiProperty() sheet: string;
  @ApiProperty({ type: ImportedFile }) file: ImportedFile;
  @ApiProperty({ type: [String], description: 'headers the import does not read' }) ignoredColumns: string[];
  @ApiPropertyOptional({ description: 'ledger: the list year the 项目类别 column refers to' }) year?: number;
  @ApiPropertyOptional({ description: 'reports: the month filed (YYYY-MM)' }) month?: string;
}

export type RowOutcome = 'created' | 'updated' | 'unchanged';
