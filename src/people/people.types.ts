/**
 * What the people module answers (docs/domain/responsibility.md). Plain types: the pages' type
 * check reads the same shapes (src/web/public/types.js).
 */
export const COMMISSIONER_KINDS = ['enterprise', 'land'] as const;
export type CommissionerKind = (typeof COMMISSIONER_KINDS)[number];

export const ACTIVITY_KINDS = ['patrol', 'inquiry', 'diagnosis', 'meeting', 'matching'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The posts a person holds: 链长 of a chain; 市级/县级包联领导 or 服务专员 of a project. */
export type ResponsibleRole = 'chainLeader' | 'cityLeader' | 'countyLeader' | 'commissioner';

/** A person of the register. `phone` is left out for a department (it reads names and titles). */
export interface PersonView {
  id: number;
  name: string;
  title: string;
  organisation: string;
  phone?: string | null;
  /** The county the person serves in; null for the city (市级). */
  region: string | null;
  active: boolean;
}

/** A person as named beside what they answer for. */
export interface PersonRef {
  id: number;
  name: string;
  title: string;
  organisation: string;
  phone: string | null;
}

export interface ChainResponsibilityRevision {
  revision: number;
  leaderId: number | null;
  leader: PersonRef | null;
  /** 责任部门: the one named, or the chain's lead unit (责任单位) in the appendix. */
  department: string;
  plan: { title: string | null; date: string | null; text: string | null };
  measures: string[];
  anchorEnterprises: string[];
  actor: string | null;
  recordedAt: string | null;
}

/** A chain's "5个1" for a year: the latest revision (revision 0: nothing filed yet), what it lacks, and every revision. */
export interface ChainResponsibilityView extends ChainResponsibilityRevision {
  chain: string;
  year: number;
  /** What the "5个1" lacks (rules/responsibility.ts), in the document's order. */
  missing: ('leader' | 'department' | 'plan' | 'measures' | 'anchors')[];
  complete: boolean;
  /** Every revision, oldest first. */
  history: ChainResponsibilityRevision[];
}

/** Who answers for a project; revision 0 when nothing is filed. */
export interface ProjectResponsibilityView {
  projectId: number;
  cityLeaderId: number | null;
  cityLeader: PersonRef | null;
  countyLeaderId: number | null;
  countyLeader: PersonRef | null;
  commissionerId: number | null;
  commissioner: PersonRef | null;
  commissionerKind: CommissionerKind | null;
  contact: { name: string; phone: string | null } | null;
  revision: number;
  actor: string | null;
  recordedAt: string | null;
}

/** The names beside a project on the board's lists (red list, 要素保障 overdue). */
export interface ResponsibleNames {
  cityLeader?: string;
  countyLeader?: string;
  commissioner?: string;
}

export interface ActivityView {
  id: number;
  chain: string;
  kind: ActivityKind;
  date: string;
  leaderId: number | null;
  leader: PersonRef | null;
  enterprises: string[];
  projectIds: number[];
  projects: { id: number; code: string; name: string }[];
  findings: string;
  actor: string;
  recordedAt: string;
  /** The 要素保障 requests raised from its findings (their origin is this activity). */
  requests: { id: number; projectId: number; kind: string; department: string; status: string }[];
}
