/**
 * The words of the 月通报 as the API answers them (docs/domain/bulletin-commentary.md). Plain
 * types: the pages' type check reads the same shapes (src/web/public/types.js).
 */

/** `GET /api/bulletins/:year/:month/draft`: drafted from the month's figures. */
export interface CommentaryDraft {
  overview: string;
  problems: string[];
  praise: string[];
}

/** The words as the office keeps them: the draft's three parts and 下步工作, which only the office writes. */
export interface CommentaryText extends CommentaryDraft {
  nextSteps: string[];
}

/** One revision of a month's words. */
export interface CommentaryRevisionView extends CommentaryText {
  revision: number;
  actor: string;
  recordedAt: string;
  /** Filed after the bulletin was published, with its reason. */
  correction: boolean;
  reason: string | null;
}

/** `GET /api/bulletins/:year/:month/commentary`: the words that count now, every revision, and which one was published. */
export interface CommentaryView {
  year: number;
  month: number;
  published: boolean;
  /** The revision frozen with the figures at publication (null before it). */
  publishedRevision: number | null;
  current: CommentaryRevisionView | null;
  /** Every revision, oldest first: the published one stays when a correction follows. */
  revisions: CommentaryRevisionView[];
}

/** The words a published bulletin carries (its JSON and every copy): the latest revision, and the corrections since publication. */
export interface PublishedCommentary extends CommentaryText {
  revision: number;
  publishedRevision: number;
  corrections: { revision: number; recordedAt: string; actor: string; reason: string | null }[];
}
