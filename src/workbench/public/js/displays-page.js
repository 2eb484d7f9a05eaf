// @ts-check
// 大屏令牌 (admin): make a wall screen's read-only link, list the tokens with their last use,
// revoke one at once. A token is shown once, as the link `/#display=<token>`, when it is made.
import { api } from '/shared/api.js';
import { $, $of, control, h } from '/shared/dom.js';
import { localDateTime } from '/shared/format.js';
import { messageOf } from '/shared/messages.js';
import { readForTable, run, showBanner, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').DisplayTokenView} DisplayTokenView */
/** @typedef {import('/shared/types.js').IssuedDisplayToken} IssuedDisplayToken */

const STATUS_LABELS = { active: '有效', expired: '已过期', revoked: '已撤销' };

async function loadList() {
  const table = $('[data-testid="display-table"]');
  /** @type {DisplayTokenView[] | null} */
  const tokens = await readForTable(table, '/api/display-tokens');
  if (!tokens) return;
  $('tbody', table).replaceChildren(
    ...(tokens.length
      ? tokens.map((t) => {
          const revoke = t.status === 'active' ? h('button', { type: 'button', class: 'btn ghost', 'data-testid': `display-revoke-${t.id}` }, '撤销') : null;
          revoke?.addEventListener('click', () => void revokeToken(t));
          return h('tr', { 'data-testid': `display-row-${t.id}`, 'data-status': t.status },
            h('td', null, t.name),
            h('td', null, localDateTime(t.createdAt)),
            h('td', null, t.createdBy),
            h('td', null, localDateTime(t.expiresAt)),
            h('td', null, t.lastUsedAt ? localDateTime(t.lastUsedAt) : '未使用'),
            h('td', null, STATUS_LABELS[t.status]),
            h('td', null, revoke));
        })
      : [h('tr', null, h('td', { colspan: 7 }, '尚无大屏令牌'))]),
  );
  table.dataset.status = 'ready';
}

async function revokeToken(/** @type {DisplayTokenView} */ token) {
  if (!window.confirm(`撤销“${token.name}”？使用该链接的墙屏将立即退出。`)) return;
  try {
    await api(`/api/display-tokens/${token.id}`, { method: 'DELETE' });
    showBanner(`已撤销“${token.name}”`, 'ok');
  } catch (error) {
    showBanner(messageOf(error));
  }
  await loadList();
}

function wireForm() {
  const form = $of(HTMLFormElement, '#display-form');
  const issued = $('[data-role="issued"]');
  const link = $of(HTMLInputElement, '[data-testid="display-link"]');
  const copyStatus = $('[data-role="copy-status"]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = control(form, 'name').value.trim();
    const days = Number(control(form, 'days').value || 365);
    try {
      /** @type {IssuedDisplayToken} */
      const made = await api('/api/display-tokens', { method: 'POST', body: { name, days } });
      link.value = `${window.location.origin}/#display=${made.token}`;
      issued.hidden = false;
      showBanner(`已生成“${made.name}”，有效期至 ${localDateTime(made.expiresAt)}`, 'ok');
      form.reset();
    } catch (error) {
      showBanner(messageOf(error));
    }
    await loadList();
  });
  $('[data-testid="display-copy"]').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link.value);
      copyStatus.textContent = '已复制。链接只显示这一次。';
    } catch {
      link.select();
      copyStatus.textContent = '请按 Ctrl+C 复制已选中的链接。链接只显示这一次。';
    }
  });
}

run(async () => {
  await startPage('displays');
  wireForm();
  await loadList();
  document.body.dataset.state = 'ready';
});
