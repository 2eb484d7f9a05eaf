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
