import { ApiProperty } from '@nestjs/swagger';
import { HISTORY_KINDS, type HistoryView as HistoryShape } from '../audit/index.js';
import { LEAD_STATUSES, type ProjectLeadLink as LeadLinkShape } from '../attraction/index.js';
import { STAGES } from '../lifecycle/index.js';

/**
 * What the project routes answer besides the project itself (src/projects/project.view.ts), as
 * the OpenAPI document declares it: each class implements the answer's own type.
 */

/** One row of a project's history (oldest first): its creation, an edit, a transition, a list or 要素保障 step. */
export class HistoryView implements HistoryShape {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ enum: HISTORY_KINDS }) kind: string;
  @ApiProperty({ type: String, nullable: true, description: 'the lifecycle (or request, lead) event, e.g. START' }) event: string | null;
  @ApiProperty({ type: String, nullable: true, enum: [...STAGES, null] }) fromStage: string | null;
  @ApiProperty({ type: String, nullable: true, enum: [...STAGES, null] }) toStage: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) effectiveDate: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what changed: an edit names each field { from, to }; a transition its payload' }) data: unknown;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

/** The 招商 lead a project came from (落地). */
export class ProjectLeadLink implements LeadLinkShape {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() name: string;
  @ApiProperty() investor: string;
  @ApiProperty({ enum: LEAD_STATUSES }) status: LeadLinkShape['status'];
}

