import type { Request } from 'express';
import type { PrincipalRole } from './roles.js';

/** The signed-in user as the server knows them (from the database, never from the request). */
export interface Principal {
  id: number;
  username: string;
  role: PrincipalRole;
  region: string | null;
  chain: string | null;
  /** For role `department`: the 要素保障组 department's code. */
  department: string | null;
  /** The person of the register this user is (链长, 包联领导, 专员); required for role `leader`. */
  personId?: number | null;
}

/** How the request proved who it is: the token, its session, and whether it came as a bearer header or the pages' cookie. */
export interface Credential {
  token: string;
  sessionId: number;
  via: 'bearer' | 'cookie';
}

export type AuthenticatedRequest = Request & {
  user?: Principal;
  credential?: Credential;
  /** The user name a sign-in (or a password check) tried, for the request log and the security log. */
  attemptedUsername?: string;
};
