// @ts-check
// 通知 (admin, docs/notifications.md): the units' channels (企业微信, 钉钉, e-mail) with a test
// message and removal; the rules' switches, recipients and windows, and the quiet hours; the
// deliveries with the channels' answers; 立即运行. Secrets are typed here and never shown again.
import { api } from '/shared/api.js';
import { $, $of, control, h } from '/shared/dom.js';
import { localDateTime } from '/shared/format.js';
import { CHANNEL_TYPE_LABELS, CHANNEL_UNIT_LABELS, DELIVERY_STATUS_LABELS, NOTICE_KIND_LABELS, NOTICE_RECIPIENT_LABELS } from '/shared/labels.js';
import { messageOf } from '/shared/messages.js';
import { readForTable, referenceData, run, showBanner, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').ChannelView} ChannelView */
/** @typedef {import('/shared/types.js').DeliveryView} DeliveryView */
/** @typedef {import('/shared/types.js').NoticeSettings} NoticeSettings */
/** @typedef {import('/shared/types.js').RunResult} RunResult */
/** @typedef {import('/shared/types.js').DepartmentView} DepartmentView */

/** The windows a kind has, and their words. */
const WINDOWS = /** @type {Record<string, [key: string, before: string, after: string, min: number, max: number][]>} */ ({
  'report-missing': [['dueDay', '次月', '日截止', 1, 28], ['reminderWorkingDays', '提前', '个工作日提醒', 0, 10]],
  'commitment-due': [['withinDays', '提前', '天提醒', 0, 60]],
});

/** @type {Map<string, string>} */
let unitNames = new Map();
/** @type {{ region: { code: string, name: string }[], department: { code: string, name: string }[], chain: { code: string, name: string }[] }} */
let units = { region: [], department: [], chain: [] };
/** @type {NoticeSettings | null} */
let settings = null;

const unitText = (/** @type {{ kind: string, code: string | null }} */ unit) =>
  unit.kind === 'city' ? CHANNEL_UNIT_LABELS.city : unitNames.get(`${unit.kind}:${unit.code}`) ?? '—';

async function loadChannels() {
  const table = $('[data-testid="channel-table"]');
  /** @type {ChannelView[] | null} */
  const channels = await readForTable(table, '/api/notifications/channels');
  if (!channels) return;
  $('tbody', table).replaceChildren(
    ...(channels.length
      ? channels.map((c) => {
          const test = h('button', { type: 'button', class: 'btn ghost', 'data-testid': `channel-test-${c.id}` }, '发送测试');
          test.addEventListener('click', () => void testChannel(c));
          const remove = h('button', { type: 'button', class: 'btn ghost', 'data-testid': `channel-remove-${c.id}` }, '删除');
          remove.addEventListener('click', () => void removeChannel(c));
          const where = c.type === 'email' ? c.to.join('、') : `${c.host ?? ''}${c.hasSecret ? '（已加签）' : ''}`;
          return h('tr', { 'data-testid': `channel-row-${c.id}`, 'data-failing': String(c.failing) },
            h('td', null, unitText(c.unit)),
            h('td', null, CHANNEL_TYPE_LABELS[c.type]),
            h('td', { class: 'answer' }, where),
            h('td', null, c.digest ? '每日汇总' : '逐条发送'),
            h('td', null, c.failing ? h('span', { class: 'chip rating-red' }, `连续失败 ${c.consecutiveFailures} 次`) : '正常'),
            h('td', null, test, ' ', remove));
        })
      : [h('tr', null, h('td', { colspan: 6 }, '尚无通知渠道：提醒只进入各用户的“通知”'))]),
  );
  table.dataset.status = 'ready';
}

async function testChannel(/** @type {ChannelView} */ c) {
  try {
    /** @type {{ ok: boolean, answer: string }} */
    const answer = await api(`/api/notifications/channels/${c.id}/test`, { method: 'POST' });
    showBanner(answer.ok ? `测试消息已送达${unitText(c.unit)}的${CHANNEL_TYPE_LABELS[c.type]}` : `测试消息未送达：${answer.answer}。请核对地址、密钥或邮箱设置。`, answer.ok ? 'ok' : 'error');
  } catch (error) {
    showBanner(messageOf(error));
  }
}

async function removeChannel(/** @type {ChannelView} */ c) {
  if (!window.confirm(`删除${unitText(c.unit)}的${CHANNEL_TYPE_LABELS[c.type]}？此后不再向它发送提醒。`)) return;
  try {
    await api(`/api/notifications/channels/${c.id}`, { method: 'DELETE' });
    showBanner('已删除该渠道', 'ok');
  } catch (error) {
    showBanner(messageOf(error));
  }
  await loadChannels();
}

function wireChannelForm() {
  const form = $of(HTMLFormElement, '#channel-form');
  const kind = $of(HTMLSelectElement, '[name="unitKind"]', form);
  const unit = $of(HTMLSelectElement, '[name="unitCode"]', form);
  const type = $of(HTMLSelectElement, '[name="type"]', form);
  kind.replaceChildren(...Object.entries(CHANNEL_UNIT_LABELS).map(([code, label]) => h('option', { value: code }, label)));
  type.replaceChildren(...Object.entries(CHANNEL_TYPE_LABELS).map(([code, label]) => h('option', { value: code }, label)));
  const show = () => {
    const list = kind.value === 'city' ? [] : units[/** @type {'region' | 'department' | 'chain'} */ (kind.value)];
    unit.replaceChildren(...list.map((u) => h('option', { value: u.code }, u.name)));
    for (const el of form.querySelectorAll('[data-for]')) {
      const wanted = /** @type {HTMLElement} */ (el).dataset.for?.split(' ') ?? [];
      const shown = wanted.includes('unit') ? kind.value !== 'city' : wanted.includes(type.value);
      if (shown) /** @type {HTMLElement} */ (el).dataset.shown = '';
      else delete (/** @type {HTMLElement} */ (el).dataset.shown);
    }
  };
  kind.addEventListener('change', show);
  type.addEventListener('change', show);
  show();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = (/** @type {string} */ name) => control(form, name).value.trim();
    /** @type {Record<string, unknown>} */
    const body = { unit: kind.value === 'city' ? { kind: 'city' } : { kind: kind.value, code: unit.value }, type: type.value, digest: /** @type {HTMLInputElement} */ (control(form, 'digest')).checked };
    if (type.value === 'email') {
      body.smtp = {
        host: value('host'),
        port: Number(value('port')),
        secure: /** @type {HTMLInputElement} */ (control(form, 'secure')).checked,
        from: value('from'),
        ...(value('user') ? { user: value('user'), password: control(form, 'password').value } : {}),
      };
      body.to = value('to').split(/[,，;；\s]+/).filter(Boolean);
    } else {
      body.url = value('url');
      if (type.value === 'dingtalk' && value('secret')) body.secret = value('secret');
    }
    try {
      await api('/api/notifications/channels', { method: 'POST', body });
      showBanner(`已添加${unitText(/** @type {{ kind: string, code: string | null }} */ (body.unit))}的${CHANNEL_TYPE_LABELS[/** @type {keyof typeof CHANNEL_TYPE_LABELS} */ (type.value)]}；可点“发送测试”确认能收到`, 'ok');
      for (const name of ['url', 'secret', 'password']) control(form, name).value = '';
    } catch (error) {
      showBanner(messageOf(error));
    }
    await loadChannels();
  });
}

async function loadRules() {
  /** @type {NoticeSettings} */
  const loaded = await api('/api/notifications/settings');
  settings = loaded;
  const form = $of(HTMLFormElement, '#rules-form');
  $('[data-testid="rules-table"] tbody').replaceChildren(
    ...Object.entries(loaded.rules).map(([kind, rule]) =>
      h('tr', { 'data-kind': kind },
        h('td', null, NOTICE_KIND_LABELS[/** @type {keyof typeof NOTICE_KIND_LABELS} */ (kind)] ?? kind),
        h('td', null, h('label', null, h('input', { type: 'checkbox', 'data-role': 'enabled', checked: rule.enabled, 'aria-label': `${NOTICE_KIND_LABELS[/** @type {keyof typeof NOTICE_KIND_LABELS} */ (kind)]} 发送` }))),
        h('td', null, Object.entries(NOTICE_RECIPIENT_LABELS).map(([code, label]) =>
          h('label', null, h('input', { type: 'checkbox', 'data-role': 'recipient', value: code, checked: rule.recipients.includes(/** @type {never} */ (code)) }), ` ${label}`))),
        h('td', null, (WINDOWS[kind] ?? []).map(([key, before, after, min, max]) =>
          h('label', null, before, ' ', h('input', { type: 'number', min: String(min), max: String(max), 'data-role': key, value: String(/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (rule))[key] ?? '') }), ' ', after))))),
  );
  const quiet = /** @type {HTMLInputElement} */ (control(form, 'quiet'));
  quiet.checked = loaded.quietHours !== null;
  control(form, 'quietFrom').value = loaded.quietHours?.from ?? '21:00';
  control(form, 'quietTo').value = loaded.quietHours?.to ?? '08:00';
}

function wireRulesForm() {
  const form = $of(HTMLFormElement, '#rules-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!settings) return;
    /** @type {Record<string, Record<string, unknown>>} */
    const rules = {};
    for (const row of form.querySelectorAll('tbody tr')) {
      const kind = /** @type {HTMLElement} */ (row).dataset.kind ?? '';
      /** @type {Record<string, unknown>} */
      const rule = {
        enabled: $of(HTMLInputElement, '[data-role="enabled"]', row).checked,
        recipients: [...row.querySelectorAll('[data-role="recipient"]')].filter((el) => el instanceof HTMLInputElement && el.checked).map((el) => /** @type {HTMLInputElement} */ (el).value),
      };
      for (const [key] of WINDOWS[kind] ?? []) rule[key] = Number($of(HTMLInputElement, `[data-role="${key}"]`, row).value);
      rules[kind] = rule;
    }
    const quiet = /** @type {HTMLInputElement} */ (control(form, 'quiet')).checked;
    const body = { rules, quietHours: quiet ? { from: control(form, 'quietFrom').value, to: control(form, 'quietTo').value } : null };
    try {
      await api('/api/notifications/settings', { method: 'PUT', body });
      showBanner('提醒规则已保存，下次运行起生效', 'ok');
      await loadRules();
    } catch (error) {
      showBanner(messageOf(error));
    }
  });
}

async function loadDeliveries() {
  const table = $('[data-testid="delivery-table"]');
  /** @type {DeliveryView[] | null} */
  const rows = await readForTable(table, '/api/notifications/deliveries');
  if (!rows) return;
  $('tbody', table).replaceChildren(
    ...(rows.length
      ? rows.map((d) =>
          h('tr', { 'data-status': d.status },
            h('td', { title: d.notice.title }, d.notice.title),
            h('td', null, `${unitText(d.channel.unit)} · ${CHANNEL_TYPE_LABELS[/** @type {keyof typeof CHANNEL_TYPE_LABELS} */ (d.channel.type)]}`),
            h('td', null, DELIVERY_STATUS_LABELS[d.status], d.status === 'retrying' && d.nextAttemptAt ? h('small', null, ` ${localDateTime(d.nextAttemptAt)} 重试`) : null),
            h('td', null, String(d.attempts)),
            h('td', { class: 'answer' }, d.answer ?? '—'),
            h('td', null, d.sentAt ? localDateTime(d.sentAt) : '—')))
      : [h('tr', null, h('td', { colspan: 6 }, '尚无送达记录'))]),
  );
  table.dataset.status = 'ready';
}

run(async () => {
  await startPage('notifications');
  const reference = await referenceData();
  /** @type {DepartmentView[]} */
  const departments = await api('/api/departments');
  units = {
    region: reference.regions.map((r) => ({ code: r.code, name: r.name })),
    department: departments.map((d) => ({ code: d.code, name: d.name })),
    chain: reference.chains.map((c) => ({ code: c.code, name: c.name })),
  };
  unitNames = new Map(Object.entries(units).flatMap(([kind, list]) => list.map((u) => /** @type {[string, string]} */ ([`${kind}:${u.code}`, u.name]))));
  wireChannelForm();
  wireRulesForm();
  $('[data-testid="run-now"]').addEventListener('click', async () => {
    try {
      /** @type {RunResult} */
      const result = await api('/api/notifications/run', { method: 'POST' });
      const d = result.delivered;
      showBanner(`已运行：新提醒 ${result.created} 条；送达 ${d.sent}，待重试 ${d.retrying}，失败 ${d.failed}`, 'ok');
    } catch (error) {
      showBanner(messageOf(error));
    }
    await loadDeliveries();
  });
  await Promise.all([loadChannels(), loadRules(), loadDeliveries()]);
  document.body.dataset.state = 'ready';
});
