import { transition, type SnapshotFrom } from 'xstate';
import type { LeadContext, LeadEvent } from './lead.guards.js';
import { leadMachine } from './lead.machine.js';
import { isLeadStatus, LEAD_EVENT_TYPES, type LeadEventType, type LeadStatus } from './lead-states.js';
import { acceptedEventsOf } from '../workflow/index.js';

/**
 * Pure helpers between the lead machine and the database. The machine is flat, so a lead's
 * status column is its whole persisted state: restoring is `resolveState` with that value and
 * fresh facts. The events a status accepts are read from the machine definition.
 */
export type LeadSnapshot = SnapshotFrom<typeof leadMachine>;

export function statusOf(snapshot: LeadSnapshot): LeadStatus {
  const value = snapshot.value;
  if (typeof value !== 'string' || !isLeadStatus(value)) throw new Error(`lead snapshot has an unknown state: ${JSON.stringify(value)}`);
  return value;
}

export function restoreLead(status: LeadStatus, context: LeadContext): LeadSnapshot {
  return leadMachine.resolveState({ value: status, context });
}

/** Event types a status has a transition for, guards aside (none for the final ones), read from the machine (src/workflow/machine-states.ts). */
export function leadEventsOf(status: LeadStatus): LeadEventType[] {
  return acceptedEventsOf(leadMachine, status, LEAD_EVENT_TYPES);
}

export function nextLead(snapshot: LeadSnapshot, event: LeadEvent): LeadSnapshot {
  const [after] = transition(leadMachine, snapshot, event);
  return after;
}
