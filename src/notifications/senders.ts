import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';

/**
 * How a message reaches a channel (docs/notifications.md "Channels"): a 企业微信 group robot, a
 * 钉钉 group robot (signed), or e-mail over SMTP. Each answers ok or not with what the channel
 * said; never with the URL, the secret or the password (the answer is stored and shown).
 */
export interface Message {
  title: string;
  markdown: string;
  text: string;
}

export interface Answer {
  ok: boolean;
  answer: string;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

const TIMEOUT_MS = 10_000;

/** 钉钉's signature: HMAC-SHA256 of `timestamp\nsecret` with the secret, base64, URL-encoded; added to the webhook URL with the timestamp. */
export function dingtalkSignedUrl(url: string, secret: string, timestamp: number): string {
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
}

/** A robot's answer: HTTP 200 and `errcode` 0 is delivered; anything else is not (the text says why). */
async function postJson(url: string, body: unknown): Promise<Answer> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
    const text = (await res.text()).slice(0, 400);
    let errcode: unknown;
    try {
      errcode = (JSON.parse(text) as { errcode?: unknown }).errcode;
    } catch {
      errcode = undefined;
    }
    return { ok: res.status === 200 && errcode === 0, answer: `HTTP ${res.status} ${text}` };
  } catch (error) {
    return { ok: false, answer: `未能连接：${networkReason(error)}` };
  }
}

/** What went wrong on the network, without the URL (it carries the robot's key). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  if (cause) return cause;
  if (error instanceof Error && error.name === 'TimeoutError') return `${TIMEOUT_MS / 1000} 秒无响应`;
  return error instanceof Error ? error.name : 'unknown';
}

export function sendWecom(url: string, message: Message): Promise<Answer> {
  return postJson(url, { msgtype: 'markdown', markdown: { content: message.markdown } });
}

export function sendDingtalk(url: string, secret: string | null, message: Message, now: Date): Promise<Answer> {
  const target = secret ? dingtalkSignedUrl(url, secret, now.getTime()) : url;
  return postJson(target, { msgtype: 'markdown', markdown: { title: message.title, text: message.markdown } });
}

export async function sendEmail(smtp: SmtpSettings, to: string[], message: Message): Promise<Answer> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({ from: smtp.from, to, subject: message.title, text: message.text });
    return { ok: info.rejected.length === 0, answer: String(info.response ?? '').slice(0, 400) };
  } catch (error) {
    const e = error as { code?: string; responseCode?: number; response?: string };
    return { ok: false, answer: [e.code, e.responseCode, e.response?.slice(0, 300)].filter(Boolean).join(' ') || networkReason(error) };
  } finally {
    transport.close();
  }
}
