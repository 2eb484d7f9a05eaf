import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type Stage, STAGES } from '../lifecycle/index.js';
import { MappingView } from './mapping/column-mapping.js';
import { EVIDENCE, SKIP_KINDS, type Evidence, type SkipKind } from './import-codes.js';

/** One problem in an imported sheet: the row Excel shows, its sheet, the column's header as written, and what is wrong. */
export class RowError {
  @ApiProperty({ type: 'integer', description: 'row number as Excel shows it' }) row: number;
  @ApiProperty({ description: 'the worksheet' }) sheet: string;
  @ApiProperty({ nullable: true, type: String, description: 'the column header as written in the file; null for the row as a whole' })
  column: string | null;
  @ApiProperty() message: string;
}

/** Which evidence in a ledger row decided the project's stage. */
export class StageDecisionView {
  @ApiProperty({ type: 'integer' }) row: number;
  @ApiProperty() sheet: string;
  @ApiProperty({ enum: STAGES, description: 'the stage the project has after the row' }) stage: Stage;
  @ApiProperty({ enum: EVIDENCE, description: 'completionDate, startDate, stageText (a cell naming a stage), listCategory (项目类别 or a section row), sheetName, recorded (the stage already recorded is higher), none' })
  evidence: Evidence;
  @ApiProperty() detail: string;
  @ApiProperty({ nullable: true, type: String, description: 'something to check although the row imports' }) warning: string | null;
}

/** A row below a header that is not data (blank, 合计/小计, section, notes), or a sheet not read (row null). */
export class SkippedView {
  @ApiProperty({ nullable: true, type: 'integer', description: 'null: the sheet as a whole (not read)' }) row: number | null;
  @ApiProperty() sheet: string;
  @ApiProperty({ enum: SKIP_KINDS }) kind: SkipKind;
  @ApiProperty() reason: string;
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
  @ApiProperty({ type: 'integer', description: 'data rows read (title, header, blank, section, total and note rows not counted)' }) rows: number;
  @ApiProperty({ type: 'integer' }) created: number;
  @ApiProperty({ type: 'integer' }) updated: number;
  @ApiProperty({ type: 'integer' }) unchanged: number;
  @ApiProperty({ type: [RowError] }) errors: RowError[];
  @ApiProperty({ description: 'true when the changes were applied (commit=true and no errors)' }) committed: boolean;
  @ApiProperty({ description: 'the first sheet read' }) sheet: string;
  @ApiProperty({ type: [String], description: 'every sheet read, in workbook order' }) sheets: string[];
  @ApiProperty({ type: ImportedFile }) file: ImportedFile;
  @ApiProperty({ type: [String], description: 'headers the import does not read' }) ignoredColumns: string[];
  @ApiProperty({ type: [SkippedView] }) skipped: SkippedView[];
  @ApiProperty({ type: MappingView }) mapping: MappingView;
  @ApiPropertyOptional({ type: [StageDecisionView], description: 'ledger: for each row applied, the stage and the evidence that decided it' })
  decisions?: StageDecisionView[];
  @ApiPropertyOptional({ type: 'integer', description: 'ledger: the list year the 项目类别 column refers to' }) year?: number;
  @ApiPropertyOptional({ example: '2024-06', description: 'reports: the month filed (YYYY-MM)' }) month?: string;
}

export type RowOutcome = 'created' | 'updated' | 'unchanged';
