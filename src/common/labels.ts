/**
 * The words for the API's field names (request bodies, error details), as forms and ledgers name them.
 * Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts gathers every
 * module's labels), so it imports nothing but plain modules.
 */

/** The API's field names (request bodies, error details) as the forms and the ledger name them. */
export const FIELD_LABELS = {
  code: '项目编码',
  name: '项目名称',
  ownerEnterprise: '建设单位',
  region: '所属县（市、区）',
  chain: '所属产业链',
  totalInvestment: '总投资（万元）',
  content: '建设内容',
  plannedStartDate: '计划开工时间',
  actualStartDate: '实际开工时间',
  plannedCompletionDate: '计划竣工时间',
  actualCompletionDate: '实际竣工时间',
  date: '日期',
  reason: '原因',
  amount: '本月完成投资',
  progress: '形象进度',
  problems: '问题及要素需求',
  month: '月份',
  version: '版本',
  username: '用户名',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
} as const;
