import type { Role } from '../access/index.js';

/** The server's rules for the 用户管理 page's fields, so the page shows them as the server checks them. */
export interface UserRules {
  username: { pattern: string; rule: string };
  password: { minLength: number; maxLength: number; rule: string };
  officeName: { maxLength: number; rule: string };
  /** Every role, in the server's order, with its words and the scope a user of it needs. */
  roles: { role: Role; label: string; scope: 'region' | 'chain' | 'department' | 'person' | null }[];
  lastAdmin: { activeAdmins: number; rule: string };
}

/** A name to show for an actor (a user name, or a system actor) in every history. */
export interface ActorName {
  username: string;
  name: string;
}
