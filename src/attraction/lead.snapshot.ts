import { transition, type SnapshotFrom } from 'xstate';
import type { LeadContext, LeadEvent } from './lead.guards.js';
import { leadMachine } from './lead.machine.js';
import { isLeadStatus, LEAD_EVENT_TYPES, type LeadEventType, type LeadStatus } from './lead-states.js';

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

const acceptedByStatus = new Map<LeadStatus, LeadEventType[]>();

/** Event types a status has a transition for, guards aside (none for the final ones). */
export function leadEventsOf(status: LeadStatus): LeadEventType[] {
  const known = acceptedByStatus.get(status);
  if (known) return [...known];
  const node = leadMachine.getStateNodeById(`lead.${status}`);
  const accepted = node.type === 'final' ? [] : LEAD_EVENT_TYPES.filter((type) => type in node.on);
  acceptedByStatus.set(status, accepted);
  return [...accepted];
}

export function nextLead(snapshot: LeadSnapshot, event: LeadEvent): LeadSnapshot {
  const [after] = transition(leadMachine, snapshot, event);
  return after;
}
