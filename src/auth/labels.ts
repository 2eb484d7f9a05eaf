/**
 * The words of the change-password form.
 * Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts gathers every
 * module's labels), so it imports nothing but plain modules.
 */
import { FIELD_LABELS } from '../common/labels.js';

/**
 * The change-password form of both pages: its fields, and the rule for a new password as a
 * person reads it (src/auth/password-policy.ts; labels.spec.ts checks the length agrees).
 */
export const PASSWORD_FORM_LABELS = {
  currentPassword: FIELD_LABELS.currentPassword,
  newPassword: FIELD_LABELS.newPassword,
  confirmPassword: '确认新密码',
  rule: '至少 12 个字符，不能是常见密码或用户名',
} as const;

/**
 * Names for the actors that are not users, as the histories show them (docs/access.md "Names in
 * histories"): the first start, the demo data's loader (src/seeding, DEMO_ACTOR) and the
 * server's maintenance commands (`npm run admin:reset`).
 */
export const SYSTEM_ACTOR_LABELS: Record<string, string> = {
  system: '系统',
  'demo-seed': '演示数据',
  cli: '服务器维护命令',
};

/** What a role's scope is called on the 用户管理 page (access/roles.ts ROLE_SCOPES). */
export const SCOPE_KIND_LABELS = {
  region: '县（市、区）',
  chain: '产业链',
  department: '要素保障部门',
  person: '责任人（人员名册）',
} as const;

/** The words of the 用户管理 page that are not a field's own label. */
export const USER_ADMIN_LABELS = {
  lastAdmin: '最后一个启用的管理员：不能降级或停用（请先另设一个管理员）',
  resetShown: '新密码只显示这一次，请当面或电话告知本人，登录后可自行修改',
  deactivated: '已停用：不能登录，原有会话已结束',
} as const;
