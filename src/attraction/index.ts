/** attraction: the module's public face — what other modules may use (docs/architecture.md). */
export { ATTRACTION_SQL, INDICATOR_COLUMNS, attractionBlock, filingOf, noteOf, quarterOf } from './attraction-board.js';
export { ATTRACTION_ENTITIES, AttractionModule } from './attraction.module.js';
export { type AttractionBlock, type AttractionChainRow, type AttractionFigure, type ChainNoteView, type ChainPage, type IndicatorFiling, type IndicatorRow, type IndicatorValues } from './attraction.types.js';
export { ChainFilingsService } from './chain-filings.service.js';
export { ChainPageQuery } from './dto/chain-filing.dto.js';
export { LeadFundsService } from './lead-funds.service.js';
export { leadOfProject, type ProjectLeadLink } from './lead-link.js';
export { fundedSql, summaryOf } from './lead-records.js';
export { INDICATOR_KEYS, LEAD_EVENT_TYPES, LEAD_ORIGINS, LEAD_STATUSES, NOTE_STATUSES, LEAD_STATUS_LABELS, NOTE_STATUS_LABELS, RATE_INDICATORS, type IndicatorKey } from './lead-states.js';
export { LeadEngine } from './lead.engine.js';
export { Lead } from './lead.entity.js';
export { type LeadContext, type LeadFacts, type LinkedProjectFacts } from './lead.guards.js';
export { LeadsService } from './leads.service.js';
export { ChainNoteAnswer, IndicatorFilingAnswer, LeadSummaryAnswer } from './attraction.responses.js';
