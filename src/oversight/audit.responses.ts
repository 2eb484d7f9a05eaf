import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type AuditCheckpoint, type AuditEventView, FIRST_BAD_REASONS, type FirstBadReason, SECURITY_EVENT_KINDS, type SecurityEventKind, type SecurityEventView, type VerifyResult } from '../audit/index.js';
import { ANOMALY_RULES, type AnomalyItem, type AnomalyReport, type AnomalyRule, type Figure } from './anomalies.service.js';

/**
 * The answers of `/api/audit` as the OpenAPI document declares them (docs/audit.md): each class
 * implements the type the audit module or the anomaly checks build, so a renamed field fails the
 * type check.
 */

/** Any JSON value, or null: what a change recorded before or after it (a tampered row that is not JSON: its text). */
const ANY_JSON = {
  anyOf: [{ type: 'object', additionalProperties: true, nullable: true }, { type: 'array', items: {} }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }],
};

export class ChainBreak {
  @ApiProperty({ type: 'integer', description: 'the entry where the chain first fails' }) seq: number;
  @ApiProperty({ enum: FIRST_BAD_REASONS }) reason: FirstBadReason;
  @ApiProperty() message: string;
}

/** `GET /api/audit/verify`. */
export class ChainVerification implements VerifyResult {
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: 'integer', description: 'entries found sound, in seq order, before the first bad one (all of them when ok)' }) checked: number;
  @ApiPropertyOptional({ type: ChainBreak, description: 'when not ok: the first entry that fails' }) firstBad?: ChainBreak;
}

/** `GET /api/audit/checkpoint`: keep it outside the database. */
export class ChainCheckpoint implements AuditCheckpoint {
  @ApiProperty({ type: 'integer', description: 'the latest entry (0: an empty log)' }) seq: number;
  @ApiProperty({ description: 'its SHA-256 (hex; 64 zeros for an empty log)' }) hash: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when it was written (null: an empty log)' }) at: string | null;
}

/** One entry of the audit log (`GET /api/audit/events`). */
export class AuditEvent implements AuditEventView {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'project, report, list, bulletin, user, … (docs/audit.md)' }) entity: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ description: 'create, update, transition, file, publish, …' }) action: string;
  @ApiProperty({ ...ANY_JSON, description: 'the state before (null: none)' }) before: unknown;
  @ApiProperty({ ...ANY_JSON, description: 'the state after (null: none)' }) after: unknown;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ description: 'the previous entry\'s hash (64 zeros for the first)' }) prevHash: string;
  @ApiProperty() hash: string;
}

/** One entry of the security log (`GET /api/audit/security`): fields not known are absent. */
export class SecurityLogEntry implements SecurityEventView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: SECURITY_EVENT_KINDS }) kind: SecurityEventKind;
  @ApiPropertyOptional({ description: 'the user name given or signed in' }) username?: string;
  @ApiPropertyOptional({ description: 'the caller\'s address' }) address?: string;
  @ApiPropertyOptional({ description: 'METHOD /api/route' }) route?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'the status answered' }) status?: number;
}

export class AnomalyParameters {
  @ApiProperty({ type: 'integer' }) maxMonthSharePct: number;
  @ApiProperty({ description: 'one decimal' }) jumpFactor: number;
  @ApiProperty({ type: 'integer' }) minOtherMonths: number;
  @ApiProperty({ type: String, nullable: true, example: '2024-11', description: 'the year\'s last ended month (null: none yet)' }) lastEndedMonth: string | null;
}

/** One finding of an anomaly rule. */
export class Anomaly implements AnomalyItem {
  @ApiProperty({ enum: ANOMALY_RULES }) rule: AnomalyRule;
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: [String], example: ['2024-06'] }) months: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { anyOf: [{ type: 'number' }, { type: 'string', nullable: true }, { type: 'boolean' }] },
    description: 'the figures the rule found, by name: amounts in 万元 (integers), dates and months as text',
  })
  figures: Record<string, Figure>;
  @ApiProperty({ description: '中文 explanation' }) message: string;
}

/** `GET /api/audit/anomalies`. */
export class AnomalyReportBody implements AnomalyReport {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: AnomalyParameters }) parameters: AnomalyParameters;
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(ANOMALY_RULES.map((rule) => [rule, { type: 'integer' }])),
    required: [...ANOMALY_RULES],
    description: 'findings by rule',
  })
  counts: Record<AnomalyRule, number>;
  @ApiProperty({ type: [Anomaly] }) items: Anomaly[];
}
