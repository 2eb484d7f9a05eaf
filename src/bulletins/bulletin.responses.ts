import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Checkpoint } from '../audit/index.js';
import type { BulletinSummary } from './bulletin.types.js';
import type { CommentaryDraft, CommentaryRevisionView, CommentaryView, PublishedCommentary } from './commentary.types.js';

/**
 * The answers of `/api/bulletins` as the OpenAPI document declares them (docs/api.md): each
 * class implements the type the service builds, so a renamed field fails the type check.
 */

/** The audit chain at publication: the seq and hash of the bulletin's own publish entry. */
export class BulletinCheckpoint implements Checkpoint {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the entry' }) hash: string;
}

/** `GET /api/bulletins`: one published bulletin. */
export class BulletinListItem implements BulletinSummary {
  @ApiProperty({ type: 'integer', example: 2024 }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty() publishedBy: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the frozen board (`dashboard`) as stored' }) hash: string;
  @ApiProperty({ type: BulletinCheckpoint, nullable: true, description: 'null for a bulletin published before checkpoints were kept' })
  checkpoint: BulletinCheckpoint | null;
}

/** A revision filed after publication. */
export class CommentaryCorrection {
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty() actor: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

/** The words a published bulletin carries: the latest revision, and the corrections since publication. */
export class BulletinWords implements PublishedCommentary {
  @ApiProperty({ description: '总体情况' }) overview: string;
  @ApiProperty({ type: [String], description: '存在问题' }) problems: string[];
  @ApiProperty({ type: [String], description: '表扬' }) praise: string[];
  @ApiProperty({ type: [String], description: '下步工作' }) nextSteps: string[];
  @ApiProperty({ type: 'integer', description: 'the revision these words are' }) revision: number;
  @ApiProperty({ type: 'integer', description: 'the revision frozen at publication' }) publishedRevision: number;
  @ApiProperty({ type: [CommentaryCorrection] }) corrections: CommentaryCorrection[];
}

/**
 * `POST|GET /api/bulletins/:year/:month`: the summary, the words as they count now, and the
 * board frozen at publication, byte for byte as stored.
 */
export class PublishedBulletinBody extends BulletinListItem {
  @ApiPropertyOptional({ type: BulletinWords, description: 'absent for a bulletin published before the words were kept' })
  commentary?: BulletinWords;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the month\'s board as `GET /api/dashboard/{year}?month=` answered at publication, frozen (its shape is the one of the server that published it)',
  })
  dashboard: Record<string, unknown>;
}

/** `GET /api/bulletins/:year/:month/draft`: words drafted from the month's figures. */
export class CommentaryDraftBody implements CommentaryDraft {
  @ApiProperty({ description: '总体情况' }) overview: string;
  @ApiProperty({ type: [String], description: '存在问题' }) problems: string[];
  @ApiProperty({ type: [String], description: '表扬' }) praise: string[];
}

/** One revision of a month's words. */
export class CommentaryRevision implements CommentaryRevisionView {
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ description: '总体情况' }) overview: string;
  @ApiProperty({ type: [String], description: '存在问题' }) problems: string[];
  @ApiProperty({ type: [String], description: '表扬' }) praise: string[];
  @ApiProperty({ type: [String], description: '下步工作' }) nextSteps: string[];
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: 'filed after the bulletin was published' }) correction: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'why (a correction)' }) reason: string | null;
}

/** `GET|PUT /api/bulletins/:year/:month/commentary`: the words that count now and every revision. */
export class CommentaryState implements CommentaryView {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12 }) month: number;
  @ApiProperty() published: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the revision frozen at publication (null before it)' }) publishedRevision: number | null;
  @ApiProperty({ type: CommentaryRevision, nullable: true, description: 'the latest revision (null: none yet)' }) current: CommentaryRevision | null;
  @ApiProperty({ type: [CommentaryRevision], description: 'every revision, oldest first' }) revisions: CommentaryRevision[];
}
