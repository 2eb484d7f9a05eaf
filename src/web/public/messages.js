// @ts-check
// What a person reads when the API refuses something: the server's Chinese message where it
// has one, else a Chinese sentence for the error code (details[].code stays English for
// programs) or the status, with the field named in the words of the forms.
import { ApiError } from '/shared/api.js';
import { FIELD_LABELS } from '/shared/labels.js';

/** @typedef {import('/shared/types.js').ApiErrorBody} ApiErrorBody */
/** @typedef {{ field: string | null, code: string | null, message: string }} Reason */

/**
 * Chinese for statuses, when the server's own text is missing or not Chinese.
 * @type {Record<number, string>}
 */
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
  503: '服务繁忙，请稍后再试',
};

/**
 * The error codes the pages may meet → what a person reads. A function receives the whole
 * error body; a string replaces the message; codes not listed keep the server's message when
 * it is Chinese.
 * @type {Record<string, string | ((body: ApiErrorBody | null) => string)>}
 */
const CODE_MESSAGES = {
  staleVersion: '已被他人修改，请刷新',
  eventNotAllowed: (body) => (body && isChinese(body.message) ? `${body.message}（数据可能已被他人更新，请刷新）` : STATUS_MESSAGES[409]),
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

/** Codes whose own sentence replaces even a Chinese message from the server. */
const ALWAYS_OURS = new Set(['staleVersion', 'forbidden', 'unauthenticated']);

/** @type {Record<string, string>} */
const FIELD_NAMES = FIELD_LABELS;

export function isChinese(/** @type {unknown} */ text) {
  return typeof text === 'string' && /[\u4e00-\u9fff]/.test(text);
}

/**
 * The Chinese messages of a failed API call, one per reason, without repeats. A failure that
 * is not an ApiError (a bug in the page) reads as the page failing.
 * @param {unknown} error
 * @returns {Reason[]}
 */
export function reasonsOf(error) {
  if (!(error instanceof ApiError)) return [{ field: null, code: null, message: '页面出错，请刷新重试' }];
  const { status, body } = error;
  if (status === 429 || status === 503) return [{ field: null, code: body?.details[0]?.code ?? null, message: waitMessage(error) }];
  const reasons = [];
  for (const detail of body ? body.details : []) {
    const mapped = CODE_MESSAGES[detail.code];
    let message;
    if (typeof mapped === 'function') message = mapped(body);
    else if (typeof mapped === 'string' && (!isChinese(detail.message) || ALWAYS_OURS.has(detail.code))) message = mapped;
    else if (isChinese(detail.message)) message = detail.message;
    else message = mapped || STATUS_MESSAGES[status] || `请求失败（${status}）`;
    const label = detail.field ? FIELD_NAMES[detail.field] : undefined;
    if (!isChinese(detail.message) && label && !message.includes(label)) message = `${label}：${message}`;
    reasons.push({ field: detail.field || null, code: detail.code || null, message });
  }
  if (!reasons.length) {
    const message = status === 412 ? STATUS_MESSAGES[412] : body && isChinese(body.message) ? body.message : STATUS_MESSAGES[status] || error.message;
    reasons.push({ field: null, code: null, message });
  }
  // the same sentence twice reads as a bug
  const seen = new Set();
  return reasons.filter((r) => (seen.has(r.message) ? false : seen.add(r.message)));
}

/** 429 or 503: the server's sentence (it says how long to wait, or the page adds Retry-After's seconds). */
function waitMessage(/** @type {ApiError} */ { status, body, retryAfter }) {
  const text = body && isChinese(body.message) ? body.message : STATUS_MESSAGES[status];
  return retryAfter !== null && !/\d\s*秒/.test(text) ? `${text}（${retryAfter} 秒后可再试）` : text;
}

/** All the reasons of a failed call in one line. */
export function messageOf(/** @type {unknown} */ error) {
  return reasonsOf(error).map((r) => r.message).join('；');
}
