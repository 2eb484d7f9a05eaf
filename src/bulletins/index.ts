/** bulletins: the module's public face — what other modules may use (docs/architecture.md). */
export { bulletinCheckpoint } from './bulletin-checkpoint.js';
export { ATTRACTION_HEADS, BULLETIN_TITLE, RATING_COLOURS, RED_LIST_KINDS, attractionCells, factorGuaranteeText, overrideNote, percent, provenanceLine, rankChangeText, ratingWord, regionsByRank, responsibleText, type PublishedBulletin } from './bulletin-format.js';
export { BULLETIN_ENTITIES, BulletinsModule } from './bulletins.module.js';
export { BulletinsService } from './bulletins.service.js';
export { BulletinDocxService } from './bulletin-docx.service.js';
