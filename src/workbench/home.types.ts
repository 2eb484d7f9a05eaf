/**
 * A leader's or 专员's own view (`GET /api/me/home`; docs/domain/responsibility.md "A leader's
 * home"): the chains he leads and the projects he answers for, each with its colour, 序时, open
 * requests and what is overdue, and the people below him. Plain types: the pages read them too.
 */
import type { PersonRef, ResponsibleNames, ResponsibleRole } from '../people/index.js';

type Rating = 'blue' | 'yellow' | 'red';
type RedListKind = 'lagging' | 'overdueStart' | 'halted' | 'conditionalOverdue' | 'milestone';

export interface HomeChain {
  code: string;
  name: string;
  flagship: boolean;
  /** The chain's 完成投资 against its target × M/12 (the board's row). */
  rating: Rating | null;
  ratio: number | null;
  actual: number;
  expected: number;
  targetInvestment: number;
  listedProjects: number;
  /** Listed projects of the chain on the month's red list. */
  redProjects: number;
  /** 要素保障 requests on the chain's projects: waiting on a department, and past their date (today). */
  openRequests: number;
  overdueRequests: number;
  /** The year's "5个1": what it lacks. */
  fiveOnesMissing: ('leader' | 'department' | 'plan' | 'measures' | 'anchors')[];
}

export interface HomeProject {
  projectId: number;
  code: string;
  name: string;
  region: string | null;
  regionName: string | null;
  chain: string | null;
  stage: string;
  /** His posts on the project. */
  roles: ResponsibleRole[];
  /** On the year's lists: which, with its own 序时 figures and colour; null when not listed. */
  category: 'implementation' | 'preparation' | null;
  rating: Rating | null;
  ratio: number | null;
  plan: number;
  actual: number;
  expected: number;
  /** Why it is on the month's red list (none when it is not). */
  red: { kind: RedListKind; reason: string }[];
  openRequests: number;
  overdueRequests: number;
  responsible: ResponsibleNames;
}

/** Someone who answers to him: the 包联领导 and 专员 of his chains' and projects' listed projects. */
export interface HomePerson extends PersonRef {
  roles: ResponsibleRole[];
  /** How many of his projects (or his chains' listed projects) the person answers for. */
  projects: number;
}

export interface LeaderHome {
  /** The person the signed-in user is; null when the user is linked to none. */
  person: PersonRef | null;
  year: number;
  month: number;
  asOf: string;
  /** The day requests are judged overdue on (today). */
  today: string;
  chains: HomeChain[];
  projects: HomeProject[];
  people: HomePerson[];
}
