import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTICE_RECIPIENTS, type NoticeKind, type NoticeRecipient } from '../rules/index.js';
import type { ChannelView } from './channels.service.js';
import type { DeliveryRound } from './delivery-worker.js';
import { CHANNEL_TYPES, DELIVERY_STATUSES, UNIT_KINDS, type ChannelType, type UnitKind } from './labels.js';
import type { NoticeSettings, RuleSetting } from './notice-settings.js';
import type { DeliveryView, InboxView, RunResult } from './notifications.service.js';
import type { Answer } from './senders.js';

/**
 * The notifications' answers as the OpenAPI document declares them (docs/notifications.md):
 * classes implementing the plain types the services build. No URL, secret or password is ever
 * part of an answer.
 */

export class InboxItemAnswer {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ description: 'the rule that made the notice' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'the page to open' }) link: string;
  @ApiProperty({ description: 'instant (ISO 8601)' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'null: unread' }) readAt: string | null;
}

/** GET /api/notifications/inbox: the caller's latest items. */
export class InboxAnswer implements InboxView {
  @ApiProperty({ type: 'integer', description: 'unread items in the whole inbox' }) unread: number;
  @ApiProperty({ type: [InboxItemAnswer], description: 'the latest 50, newest first' }) items: InboxItemAnswer[];
}

export class InboxReadAnswer {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ description: 'when it was first read (ISO 8601)' }) readAt: string;
}

export class ChannelUnitAnswer {
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ type: String, nullable: true, description: 'the county, department or chain code; null for the city' }) code: string | null;
}

export class ChannelSmtpAnswer {
  @ApiProperty() host: string;
  @ApiProperty({ type: 'integer' }) port: number;
  @ApiProperty() secure: boolean;
  @ApiPropertyOptional() user?: string;
  @ApiProperty() from: string;
  @ApiProperty({ description: 'a password is stored (never shown)' }) hasPassword: boolean;
}

/** A unit's channel (never its URL, secret or password). */
export class ChannelAnswer implements ChannelView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ type: ChannelUnitAnswer }) unit: ChannelUnitAnswer;
  @ApiProperty({ enum: CHANNEL_TYPES }) type: ChannelType;
  @ApiProperty({ description: 'sends a daily digest instead of each notice' }) digest: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'the webhook\'s host only' }) host: string | null;
  @ApiProperty() hasSecret: boolean;
  @ApiProperty({ type: () => ChannelSmtpAnswer, nullable: true, description: 'e-mail channels' }) smtp: ChannelSmtpAnswer | null;
  @ApiProperty({ type: [String], description: 'e-mail recipients' }) to: string[];
  @ApiProperty({ type: 'integer' }) consecutiveFailures: number;
  @ApiProperty({ type: String, nullable: true }) failingSince: string | null;
  @ApiProperty() failing: boolean;
  @ApiProperty({ description: 'instant (ISO 8601)' }) createdAt: string;
}

export class FailingChannelAnswer {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ type: ChannelUnitAnswer }) unit: ChannelUnitAnswer;
  @ApiProperty({ enum: CHANNEL_TYPES }) type: ChannelType;
  @ApiProperty({ type: String, nullable: true }) failingSince: string | null;
  @ApiProperty({ type: 'integer' }) consecutiveFailures: number;
}

/** GET /api/notifications/health: the channels that keep failing (the board's freshness line). */
export class NotificationsHealthAnswer {
  @ApiProperty({ type: [FailingChannelAnswer] }) failingChannels: FailingChannelAnswer[];
}

export class CreatedChannelAnswer {
  @ApiProperty({ type: 'integer' }) id: number;
}

/** What a channel answered a message (the 测试 button). */
export class ChannelTestAnswer implements Answer {
  @ApiProperty({ description: 'delivered' }) ok: boolean;
  @ApiProperty({ description: 'what the channel said' }) answer: string;
}

export class RuleSettingAnswer implements RuleSetting {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ enum: NOTICE_RECIPIENTS, isArray: true }) recipients: NoticeRecipient[];
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 28, description: 'report-missing: the day of the next month a report is due' }) dueDay?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10, description: 'report-missing: reminders start this many working days before' }) reminderWorkingDays?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 60, description: 'commitment-due: told this many calendar days before' }) withinDays?: number;
}

export class QuietHoursAnswer {
  @ApiProperty({ example: '22:00' }) from: string;
  @ApiProperty({ example: '07:00' }) to: string;
}

/** Each rule's setting, by the rule's code (rules/notices.ts NOTICE_KINDS; `implements` keeps the keys complete). */
export class NoticeRulesAnswer implements Record<NoticeKind, RuleSetting> {
  @ApiProperty({ type: RuleSettingAnswer, description: 'dueDay and reminderWorkingDays' }) 'report-missing': RuleSettingAnswer;
  @ApiProperty({ type: RuleSettingAnswer }) 'request-overdue': RuleSettingAnswer;
  @ApiProperty({ type: RuleSettingAnswer, description: 'withinDays' }) 'commitment-due': RuleSettingAnswer;
  @ApiProperty({ type: RuleSettingAnswer }) 'commitment-lapsed': RuleSettingAnswer;
  @ApiProperty({ type: RuleSettingAnswer }) 'start-overdue': RuleSettingAnswer;
  @ApiProperty({ type: RuleSettingAnswer }) 'red-list': RuleSettingAnswer;
  @ApiProperty({ type: RuleSettingAnswer }) 'bulletin-published': RuleSettingAnswer;
}

/** GET/PUT /api/notifications/settings: each rule's setting and the channels' quiet hours. */
export class NoticeSettingsAnswer implements NoticeSettings {
  @ApiProperty({ type: NoticeRulesAnswer, description: 'one setting per rule' }) rules: NoticeRulesAnswer;
  @ApiProperty({ type: () => QuietHoursAnswer, nullable: true, description: 'null: never quiet' }) quietHours: QuietHoursAnswer | null;
}

export class DeliveryRoundAnswer implements DeliveryRound {
  @ApiProperty({ type: 'integer' }) sent: number;
  @ApiProperty({ type: 'integer' }) failed: number;
  @ApiProperty({ type: 'integer' }) retrying: number;
}

/** POST /api/notifications/run: what a run made and delivered. */
export class RunResultAnswer implements RunResult {
  @ApiProperty({ type: String, format: 'date' }) today: string;
  @ApiProperty({ type: 'integer', description: 'notices made by this run' }) created: number;
  @ApiProperty({ type: 'integer', description: 'notices the rules named, made now or before' }) evaluated: number;
  @ApiProperty({ type: DeliveryRoundAnswer }) delivered: DeliveryRoundAnswer;
}

export class DeliveryNoticeAnswer {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'instant (ISO 8601)' }) createdAt: string;
}

export class DeliveryChannelAnswer {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ enum: CHANNEL_TYPES }) type: string;
  @ApiProperty({ type: ChannelUnitAnswer }) unit: ChannelUnitAnswer;
}

/** One delivery of a notice to a channel (the latest 500). */
export class DeliveryAnswer implements DeliveryView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ type: DeliveryNoticeAnswer }) notice: DeliveryNoticeAnswer;
  @ApiProperty({ type: DeliveryChannelAnswer }) channel: DeliveryChannelAnswer;
  @ApiProperty({ enum: DELIVERY_STATUSES.filter((s) => s !== 'sending'), description: 'a delivery being sent shows as retrying' }) status: DeliveryView['status'];
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: String, nullable: true, description: 'retrying: when it is tried next' }) nextAttemptAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'what the channel said last' }) answer: string | null;
  @ApiProperty({ type: String, nullable: true }) sentAt: string | null;
}
