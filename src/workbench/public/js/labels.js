// Every word the workbench shows for a code: stages, events, approvals, roles, lists, and
// the one table that turns the API's error codes into Chinese (details[].code stays English
// for programs; people read Chinese).

export const STAGE_LABELS = {
  reserve: '储备',
  preparation: '准备',
  'implementation.active': '实施（在建）',
  'implementation.halted': '实施（停工）',
  completed: '竣工',
  withdrawn: '退出',
};

/** Stage filter choices of the project list (`implementation` = 在建 and 停工). */
export const STAGE_FILTERS = [
  ['', '全部阶段'],
  ['reserve', '储备'],
  ['preparation', '准备'],
  ['implementation', '实施（全部）'],
  ['implementation.active', '实施（在建）'],
  ['implementation.halted', '实施（停工）'],
  ['completed', '竣工'],
  ['withdrawn', '退出'],
];

export const EVENT_LABELS = {
  PROMOTE: '转入准备',
  DEFER: '退回储备',
  START: '开工',
  HALT: '停工',
  RESUME: '复工',
  COMPLETE: '竣工投产',
  WITHDRAW: '调出项目库',
};

/** What each event asks for (CONTRACT.md: the payload of each type). */
export const EVENT_FIELDS = {
  PROMOTE: ['plannedStartDate'],
  DEFER: ['reason'],
  START: ['date'],
  HALT: ['date', 'reason'],
  RESUME: ['date'],
  COMPLETE: ['date'],
  WITHDRAW: ['reason'],
};

export const EVENT_FIELD_LABELS = {
  START: { date: '实际开工日期' },
  HALT: { date: '停工日期', reason: '停工原因' },
  RESUME: { date: '复工日期' },
  COMPLETE: { date: '竣工投产日期' },
  DEFER: { reason: '退回原因' },
  WITHDRAW: { reason: '调出原因' },
  PROMOTE: { plannedStartDate: '计划开工时间' },
};

export const APPROVALS = [
  ['filing', '立项（备案/核准）'],
  ['land', '用地'],
  ['planning', '规划许可'],
  ['environment', '环评'],
  ['energy', '节能审查'],
  ['construction', '施工许可'],
];

export const ROLE_LABELS = {
  admin: '市链长办',
  region: '县区操作员',
  chain: '产业链专班',
  auditor: '审计督查（只读）',
};

export const LIST_LABELS = { implementation: '实施类', preparation: '准备类' };

export const RATING_LABELS = { blue: '蓝', yellow: '黄', red: '红' };

export const REPORT_STATUS_LABELS = { filed: '已报', missing: '未报', notDue: '—' };

export const FIELD_LABELS = {
  name: '项目名称',
  code: '项目编码',
  ownerEnterprise: '建设单位',
  region: '所属县（市、区）',
  chain: '所属产业链',
  totalInvestment: '总投资（万元）',
  content: '建设内容',
  plannedStartDate: '计划开工时间',
  plannedCompletionDate: '计划竣工时间',
  date: '日期',
  reason: '原因',
  amount: '本月完成投资',
  progress: '形象进度',
  problems: '问题及要素需求',
  month: '月份',
  version: '版本',
};

/** Chinese for statuses, when the server's own text is missing or not Chinese. */
const STATUS_MESSAGES = {
  0: '无法连接服务器，请检查网络后重试',
  400: '请求格式有误',
  401: '未登录或登录已失效，请重新登录',
  403: '当前角色无权执行此操作',
  404: '数据不存在，或不在您的管理范围内',
  409: '当前阶段不能执行此操作，请刷新后查看',
  412: '已被他人修改，请刷新',
  413: '提交的内容过大',
  422: '数据未通过校验',
  429: '操作过于频繁，请稍后再试',
  500: '服务器出错，请稍后重试',
};

/**
 * The error codes the pages may meet (details[].code) → what a person reads. A function
 * receives the whole error body; a string replaces the message; codes not listed keep the
 * server's message when it is Chinese.
 */
export const CODE_MESSAGES = {
  staleVersion: '已被他人修改，请刷新',
  eventNotAllowed: (body) => (isChinese(body && body.message) ? `${body.message}（数据可能已被他人更新，请刷新）` : STATUS_MESSAGES[409]),
  unauthenticated: STATUS_MESSAGES[401],
  forbidden: STATUS_MESSAGES[403],
  outOfScope: '只能管理本县（市、区）的项目',
  badCredentials: '用户名或密码错误',
  tooManyAttempts: '登录尝试过于频繁，请稍后再试',
  malformedJson: '提交的数据格式错误',
  bodyTooLarge: '提交的内容过大',
  unknownField: '包含不允许的字段',
  versionRequired: '缺少版本号，请刷新页面后重试',
  versionMismatch: '版本号不一致，请刷新页面后重试',
  invalidIfMatch: '版本号格式错误，请刷新页面后重试',
  invalidId: '项目编号格式错误',
  isMonth: '月份格式应为 YYYY-MM',
  invalidMonth: '月份格式错误',
  invalidYear: '年份格式错误',
  isCalendarDate: '日期格式应为 YYYY-MM-DD，且须是真实存在的日期',
  isIn: '取值不在允许范围内',
  isString: '必须是文本',
  isDefined: '缺少必填项',
  isNumber: '必须是数字',
  isInt: '必须是整数',
  min: '不能为负数',
  max: '数值过大',
  maxLength: '内容过长',
  isObject: '格式错误',
  whitelistValidation: '包含不允许的字段',
};

export function isChinese(text) {
  return typeof text === 'string' && /[\u4e00-\u9fff]/.test(text);
}

/**
 * The Chinese messages of a failed API call, one per reason: [{ field, code, message }].
 * `error` is an ApiError from api.js (status, body).
 */
export function reasonsOf(error) {
  const status = (error && error.status) || 0;
  const body = (error && error.body) || null;
  const details = body && Array.isArray(body.details) ? body.details : [];
  const reasons = [];
  for (const detail of details) {
    const mapped = CODE_MESSAGES[detail.code];
    let message;
    if (typeof mapped === 'function') message = mapped(body);
    else if (typeof mapped === 'string' && (!isChinese(detail.message) || ['staleVersion', 'forbidden', 'unauthenticated'].includes(detail.code))) message = mapped;
    else if (isChinese(detail.message)) message = detail.message;
    else message = mapped || STATUS_MESSAGES[status] || `请求失败（${status}）`;
    const label = FIELD_LABELS[detail.field];
    if (!isChinese(detail.message) && label && !message.includes(label)) message = `${label}：${message}`;
    reasons.push({ field: detail.field || null, code: detail.code || null, message });
  }
  if (!reasons.length) {
    const message = status === 412 ? STATUS_MESSAGES[412] : isChinese(body && body.message) ? body.message : STATUS_MESSAGES[status] || (error && error.message) || `请求失败（${status}）`;
    reasons.push({ field: null, code: null, message });
  }
  // the same sentence twice reads as a bug
  const seen = new Set();
  return reasons.filter((r) => (seen.has(r.message) ? false : seen.add(r.message)));
}

export function messageOf(error) {
  return reasonsOf(error).map((r) => r.message).join('；');
}
