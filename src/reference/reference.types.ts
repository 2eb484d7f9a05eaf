import type { RequestKind } from './request-kinds.js';

/** A 要素保障组 department and the kinds it owns (GET /api/departments). */
export interface DepartmentView {
  code: string;
  name: string;
  kinds: RequestKind[];
}
