/**
 * The words of notifications: the kinds of notice, whom they go to, the channels and the
 * states of a delivery. Plain data: the pages load it through `/shared/labels.js`
 * (src/web/labels.ts gathers every module's labels), so it imports nothing but the rules' plain
 * words; the codes of channels and deliveries are defined here, for the pages and the entities alike.
 */
import type { NoticeKind, NoticeRecipient } from '../rules/labels.js';

/** The channels a notice goes out through: 企业微信 and 钉钉 group robots (webhooks), and e-mail (SMTP). */
export const CHANNEL_TYPES = ['wecom', 'dingtalk', 'email'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
/** Whose channel it is: a county's, a department's, a chain's or the city office's. */
export const UNIT_KINDS = ['region', 'department', 'chain', 'city'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
/** The states of one delivery of a notice to a channel. */
export const DELIVERY_STATUSES = ['retrying', 'sending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  'report-missing': '月报催报',
  'request-overdue': '要素保障逾期',
  'commitment-due': '容缺承诺将到期',
  'commitment-lapsed': '容缺承诺已逾期',
  'start-overdue': '逾期未开工',
  'red-list': '新上预警清单（红色预警）',
  'bulletin-published': '月通报发布',
};

export const NOTICE_RECIPIENT_LABELS: Record<NoticeRecipient, string> = {
  county: '所在县（市、区）',
  department: '承办部门',
  chain: '产业链专班',
  city: '市重点项目办',
  responsible: '包联领导和服务专员',
};

export const CHANNEL_TYPE_LABELS: Record<ChannelType, string> = { wecom: '企业微信群机器人', dingtalk: '钉钉群机器人', email: '电子邮件' };

export const CHANNEL_UNIT_LABELS: Record<UnitKind, string> = { region: '县（市、区）', department: '部门', chain: '产业链专班', city: '市重点项目办' };

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = { retrying: '待重试', sending: '发送中', sent: '已送达', failed: '失败' };

/** The bell on both pages. */
export const INBOX_LABELS = {
  bell: '通知',
  empty: '暂无通知',
  unread: '未读',
  markRead: '标为已读',
  failingChannels: '通知渠道异常',
} as const;
