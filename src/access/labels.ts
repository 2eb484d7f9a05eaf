/**
 * The words of the roles, as headers and the user page name them.
 * Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts gathers every
 * module's labels), so it imports nothing but plain modules.
 */

export const ROLE_LABELS: Record<'admin' | 'region' | 'chain' | 'auditor' | 'department' | 'leader', string> = {
  admin: '市链长办',
  region: '县区操作员',
  chain: '产业链专班',
  auditor: '审计督查（只读）',
  department: '要素保障部门',
  leader: '领导/专员（只读）',
};
