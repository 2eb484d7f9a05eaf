/** bulletins: the module's public face — what other modules may use (docs/architecture.md). */
export { bulletinCheckpoint } from './bulletin-checkpoint.js';
export { ATTRACTION_HEADS, BULLETIN_TITLE, RATING_COLOURS, RED_LIST_KINDS, attractionCells, factorGuaranteeText, overrideNote, percent, provenanceLine, rankChangeText, ratingWord, regionsByRank, responsibleText, type PublishedBulletin } from './bulletin-format.js';
export { BULLETIN_ENTITIES, BulletinsModule } from './bulletins.module.js';
export { BulletinsService } from './bulletins.service.js';
export { BulletinCommentaryService, commentaryHash, type CommentaryRevisionView, type CommentaryView, type PublishedCommentary } from './bulletin-commentary.service.js';
export { draftCommentary, type CommentaryDraft, type CommentaryText } from './commentary-draft.js';
export { chineseNumeral, closingSections, correctionNote, overviewSection, type WordsSection } from './bulletin-words.js';
export { BulletinDocxService } from './bulletin-docx.service.js';
export { FACTOR_TOTALS_HEADS, factorTotalsText } from './factor-totals-text.js';
