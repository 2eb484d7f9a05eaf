import type { LeadContext, LeadFacts, LinkedProjectFacts } from '../../src/attraction/index.js';

/**
 * Facts and context for the lead machine's pure guards: a signed green-chemical lead (signed on
 * 2024-03-15) that every event passes by default; a LAND naming a project finds one of the same
 * chain, in reserve, linked to no lead. Override what a test is about.
 */
export const LEAD_TODAY = '2024-06-30';

export function linkedProject(overrides: Partial<LinkedProjectFacts> = {}): LinkedProjectFacts {
  return { chainCode: 'green-chemical', stage: 'reserve', leadId: null, ...overrides };
}

export function leadContext(overrides: Partial<LeadFacts> = {}, today = LEAD_TODAY): LeadContext {
  return { lead: { id: 7, chainCode: 'green-chemical', signedDate: '2024-03-15', linkedProject: linkedProject(), ...overrides }, today };
}
