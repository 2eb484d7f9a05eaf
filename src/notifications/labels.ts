/**
 * The words of notifications: the kinds of notice, whom they go to, the channels and the
 * states of a delivery. Plain data: the pages load it through `/shared/labels.js`
 * (src/web/labels.ts gathers every module's labels), so it imports nothing but types.
 */
import type { NoticeKind, NoticeRecipient } from '../rules/index.js';
import type { ChannelType, DeliveryStatus, UnitKind } from './notice.entities.js';

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
