import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, type ErrorDetail, notFound, unprocessable } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { WriteQueue } from '../database/index.js';
import { DepartmentsService, ReferenceService } from '../reference/index.js';
import { CHANNEL_FAILING_AFTER } from '../rules/index.js';
import { NoticeChannel } from './notice.entities.js';
import { CHANNEL_TYPES, UNIT_KINDS, type ChannelType, type UnitKind } from './labels.js';
import { sendDingtalk, sendEmail, sendWecom, type Answer, type Message, type SmtpSettings } from './senders.js';

/** A channel as the API shows it: never its URL, secret or password (docs/notifications.md "Secrets"). */
export interface ChannelView {
  id: number;
  unit: { kind: UnitKind; code: string | null };
  type: ChannelType;
  digest: boolean;
  /** The webhook's host only (the URL carries the robot's key). */
  host: string | null;
  hasSecret: boolean;
  smtp: Omit<SmtpSettings, 'password'> & { hasPassword: boolean } | null;
  to: string[];
  consecutiveFailures: number;
  failingSince: string | null;
  failing: boolean;
  createdAt: string;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const FIELDS = ['unit', 'type', 'url', 'secret', 'smtp', 'to', 'digest'];
const SMTP_FIELDS = ['host', 'port', 'secure', 'user', 'password', 'from'];

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= max;

/** The units' channels: added, listed, removed and tried by the city office. */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly reference: ReferenceService,
    private readonly departments: DepartmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<ChannelView[]> {
    return (await this.dataSource.getRepository(NoticeChannel).find({ where: { active: true }, order: { id: 'ASC' } })).map(viewOf);
  }

  /** The channels that keep failing (the board's freshness line). */
  async failing(): Promise<{ id: number; unit: ChannelView['unit']; type: ChannelType; failingSince: string | null; consecutiveFailures: number }[]> {
    return (await this.list()).filter((c) => c.failing).map(({ id, unit, type, failingSince, consecutiveFailures }) => ({ id, unit, type, failingSince, consecutiveFailures }));
  }

  async create(input: unknown, actor: string): Promise<{ id: number }> {
    return this.writes.run(async (manager) => {
      const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
      const failures: ErrorDetail[] = Object.keys(body)
        .filter((key) => !FIELDS.includes(key))
        .map((key) => ({ field: key, code: 'unknownField', message: `没有字段 ${key.slice(0, 40)}` }));
      const unit = (body.unit ?? {}) as { kind?: unknown; code?: unknown };
      const kind = unit.kind as UnitKind;
      let code: string | null = null;
      if (!(UNIT_KINDS as readonly unknown[]).includes(unit.kind)) failures.push({ field: 'unit.kind', code: 'unknownUnit', message: `单位类型须为 ${UNIT_KINDS.join('、')} 之一` });
      else if (kind === 'city') {
        if (unit.code !== undefined && unit.code !== null) failures.push({ field: 'unit.code', code: 'notApplicable', message: '市重点项目办不填代码' });
      } else if (!isText(unit.code, 32)) failures.push({ field: 'unit.code', code: 'required', message: '请填写县（市、区）、部门或产业链的代码' });
      else {
        code = unit.code;
        const exists =
          kind === 'region' ? await this.reference.regionExists(manager, code) : kind === 'chain' ? await this.reference.chainExists(manager, code) : await this.departments.exists(manager, code);
        if (!exists) failures.push({ field: 'unit.code', code: 'unknownUnit', message: `未知的单位：${code}` });
      }
      const type = body.type as ChannelType;
      const channel: Partial<NoticeChannel> = { unitKind: kind, unitCode: code, type, url: null, secret: null, smtp: null, mailTo: null };
      if (!(CHANNEL_TYPES as readonly unknown[]).includes(body.type)) failures.push({ field: 'type', code: 'unknownType', message: `渠道类型须为 ${CHANNEL_TYPES.join('、')} 之一` });
      else if (type === 'email') {
        for (const key of ['url', 'secret']) if (body[key] !== undefined) failures.push({ field: key, code: 'notApplicable', message: '电子邮件渠道不填 url 和 secret' });
        const smtp = (body.smtp ?? null) as Record<string, unknown> | null;
        if (!smtp || typeof smtp !== 'object') failures.push({ field: 'smtp', code: 'required', message: '请填写 SMTP 服务器（host、port、secure、from）' });
        else {
          for (const key of Object.keys(smtp)) if (!SMTP_FIELDS.includes(key)) failures.push({ field: `smtp.${key}`, code: 'unknownField', message: `SMTP 设置没有字段 ${key.slice(0, 40)}` });
          if (!isText(smtp.host, 200)) failures.push({ field: 'smtp.host', code: 'required', message: '请填写 SMTP 服务器地址' });
          if (!Number.isInteger(smtp.port) || (smtp.port as number) < 1 || (smtp.port as number) > 65535) failures.push({ field: 'smtp.port', code: 'invalidPort', message: '端口须为 1–65535 的整数' });
          if (typeof smtp.secure !== 'boolean') failures.push({ field: 'smtp.secure', code: 'notBoolean', message: 'secure 须为 true 或 false' });
          if (!isText(smtp.from, 200) || !EMAIL.test(String(smtp.from).replace(/^.*<(.+)>$/, '$1'))) failures.push({ field: 'smtp.from', code: 'invalidAddress', message: '发件地址不是有效的电子邮件地址' });
          if (smtp.user !== undefined && !isText(smtp.user, 200)) failures.push({ field: 'smtp.user', code: 'invalidText', message: '用户名须为文字' });
          if (smtp.password !== undefined && !isText(smtp.password, 200)) failures.push({ field: 'smtp.password', code: 'invalidText', message: '密码须为文字' });
          const settings: SmtpSettings = { host: smtp.host as string, port: smtp.port as number, secure: smtp.secure as boolean, from: smtp.from as string };
          if (smtp.user !== undefined) settings.user = smtp.user as string;
          if (smtp.password !== undefined) settings.password = smtp.password as string;
          channel.smtp = JSON.stringify(settings);
        }
        const to = body.to;
        if (!Array.isArray(to) || to.length === 0 || to.length > 50 || !to.every((a) => typeof a === 'string' && a.length <= 200 && EMAIL.test(a)))
          failures.push({ field: 'to', code: 'invalidAddress', message: '收件人须为 1–50 个有效的电子邮件地址' });
        else channel.mailTo = JSON.stringify(to);
      } else {
        if (body.smtp !== undefined || body.to !== undefined) failures.push({ field: 'smtp', code: 'notApplicable', message: '群机器人渠道不填 smtp 和 to' });
        const url = body.url;
        const parsed = isText(url, 1000) && URL.canParse(url) ? new URL(url) : null;
        if (!parsed || !['https:', 'http:'].includes(parsed.protocol)) failures.push({ field: 'url', code: 'invalidUrl', message: '请填写群机器人的 Webhook 地址（https://…）' });
        else if (parsed.protocol === 'http:' && !this.config.notifications.allowHttp)
          failures.push({ field: 'url', code: 'httpNotAllowed', message: 'Webhook 地址须以 https:// 开头（内网网关可由管理员设置 NOTIFY_ALLOW_HTTP=true 后使用 http://）' });
        else channel.url = parsed.toString();
        if (body.secret !== undefined) {
          if (type !== 'dingtalk') failures.push({ field: 'secret', code: 'notApplicable', message: '只有钉钉机器人有加签密钥' });
          else if (!isText(body.secret, 200)) failures.push({ field: 'secret', code: 'invalidText', message: '加签密钥须为文字' });
          else channel.secret = body.secret;
        }
      }
      if (body.digest !== undefined && typeof body.digest !== 'boolean') failures.push({ field: 'digest', code: 'notBoolean', message: 'digest 须为 true 或 false' });
      if (failures.length) throw unprocessable('通知渠道设置有误', failures);
      const saved = await manager.save(NoticeChannel, manager.create(NoticeChannel, { ...channel, digest: body.digest === true, active: true, consecutiveFailures: 0, failingSince: null, createdAt: this.clock.nowIso() }));
      await this.changes.record(manager, { actor, subject: auditSubject.channel(saved.id), action: 'create', after: auditOf(saved) });
      return { id: saved.id };
    });
  }

  async remove(id: number, actor: string): Promise<void> {
    await this.writes.run(async (manager) => {
      const channel = await manager.findOneBy(NoticeChannel, { id, active: true });
      if (!channel) throw notFound(`通知渠道 ${id} 不存在`);
      await manager.update(NoticeChannel, { id }, { active: false, url: null, secret: null, smtp: null });
      await this.changes.record(manager, { actor, subject: auditSubject.channel(id), action: 'remove', before: auditOf(channel) });
    });
  }

  /** A test message now (the 测试 button): what the channel answered; nothing is stored. */
  async test(id: number): Promise<Answer> {
    const channel = await this.dataSource.getRepository(NoticeChannel).findOneBy({ id, active: true });
    if (!channel) throw notFound(`通知渠道 ${id} 不存在`);
    const title = '测试消息：聊城市制造业重点项目跟踪系统';
    return this.send(channel, { title, markdown: `### ${title}\n此渠道已能收到系统提醒。`, text: `${title}\n此渠道已能收到系统提醒。` });
  }

  /** Sends one message to a channel (deliveries and the test). */
  send(channel: NoticeChannel, message: Message): Promise<Answer> {
    if (channel.type === 'wecom') return sendWecom(channel.url!, message);
    if (channel.type === 'dingtalk') return sendDingtalk(channel.url!, channel.secret, message, this.clock.now());
    return sendEmail(JSON.parse(channel.smtp!) as SmtpSettings, JSON.parse(channel.mailTo ?? '[]') as string[], message);
  }
}

function viewOf(c: NoticeChannel): ChannelView {
  const smtp = c.smtp ? (JSON.parse(c.smtp) as SmtpSettings) : null;
  return {
    id: c.id,
    unit: { kind: c.unitKind, code: c.unitCode },
    type: c.type,
    digest: Boolean(c.digest),
    host: c.url ? new URL(c.url).host : null,
    hasSecret: c.secret !== null,
    smtp: smtp ? { host: smtp.host, port: smtp.port, secure: smtp.secure, ...(smtp.user ? { user: smtp.user } : {}), from: smtp.from, hasPassword: Boolean(smtp.password) } : null,
    to: c.mailTo ? (JSON.parse(c.mailTo) as string[]) : [],
    consecutiveFailures: c.consecutiveFailures,
    failingSince: c.failingSince,
    failing: c.consecutiveFailures >= CHANNEL_FAILING_AFTER,
    createdAt: c.createdAt,
  };
}

/** What the audit log keeps of a channel: the view, which has no secret. */
function auditOf(c: NoticeChannel): Omit<ChannelView, 'consecutiveFailures' | 'failingSince' | 'failing'> {
  const { consecutiveFailures: _f, failingSince: _s, failing: _x, ...rest } = viewOf(c);
  return rest;
}
