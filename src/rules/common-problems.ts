import { dateOfDayNumber, dayNumber } from './working-days.js';

/**
 * 共性问题 found, not guessed (docs/domain/requests.md "共性问题"; 000 §四(五) asks for the
 * 共性 problems among the monthly lists to go to the 市政府常务会): problems of the same kind,
 * routed to the same department, about the same policy where one is named (problems naming no
 * policy group with each other), still waiting on the department (open), raised within
 * COMMON_WINDOW_DAYS of each other for at least COMMON_THRESHOLD different enterprises or
 * projects, are proposed as one group. Two problems of one project (or of one enterprise) count
 * once: the rule is about the same problem recurring across enterprises, not one enterprise
 * asking twice.
 */
export const COMMON_WINDOW_DAYS = 90;
export const COMMON_THRESHOLD = 3;

/** One open, ungrouped problem of the same key, as the detection reads it. */
export interface CommonCandidate {
  id: number;
  projectId: number | null;
  enterpriseName: string | null;
  chainCode: string | null;
  raisedOn: string;
}

/** Who a problem is about, for counting "different enterprises or projects": its project, else its enterprise, else its chain. */
export function subjectKey(problem: Pick<CommonCandidate, 'projectId' | 'enterpriseName' | 'chainCode'>): string {
  if (problem.projectId !== null) return `project:${problem.projectId}`;
  if (problem.enterpriseName !== null && problem.enterpriseName.trim() !== '') return `enterprise:${problem.enterpriseName.trim()}`;
  return `chain:${problem.chainCode ?? ''}`;
}

/** The first day of the window that ends on `raisedOn` (that day is the window's last, day COMMON_WINDOW_DAYS). */
export function commonWindowStart(raisedOn: string): string {
  return dateOfDayNumber(dayNumber(raisedOn) - COMMON_WINDOW_DAYS + 1);
}

/**
 * The ids to propose as one group when `newest` is raised, given the open ungrouped problems of
 * its key (it among them or not): those raised within the window ending on its day, when they
 * are about at least COMMON_THRESHOLD subjects; null when they are not.
 */
export function commonProposal(candidates: readonly CommonCandidate[], newest: CommonCandidate): number[] | null {
  const from = commonWindowStart(newest.raisedOn);
  const members = [...candidates.filter((c) => c.id !== newest.id), newest].filter((c) => c.raisedOn >= from && c.raisedOn <= newest.raisedOn);
  const subjects = new Set(members.map(subjectKey));
  if (subjects.size < COMMON_THRESHOLD) return null;
  return members.map((c) => c.id).sort((a, b) => a - b);
}
