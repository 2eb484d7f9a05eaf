/**
 * revisions: how a figure kept as revisions is filed and read — reports, 到位资金, chain
 * indicators and notes (revision-log.ts; docs/architecture.md "One owner per policy").
 */
export { fileRevision, latestRevision, revisionStateOf, revisionStateSql, revisionsOf, type RevisionState } from './revision-log.js';
