// @ts-check
// The bell (通知) on both pages: the signed-in user's unread count, the latest notices, each
// opening the thing it is about (marked read on the way), and 标为已读. Refreshed every minute and
// whenever the tab is shown again. A wall screen (display token) has no inbox: no bell.
import { api, ApiError } from '/shared/api.js';
import { h } from '/shared/dom.js';
import { localDateTime } from '/shared/format.js';
import { INBOX_LABELS, NOTICE_KIND_LABELS } from '/shared/labels.js';

/** @typedef {import('/shared/types.js').InboxView} InboxView */
/** @typedef {import('/shared/types.js').InboxItemView} InboxItemView */

const REFRESH_MS = 60_000;

/**
 * Puts the bell into `container` and keeps it current.
 * @param {Element} container
 */
export function mountBell(container) {
  if (!document.querySelector('link[data-bell]')) document.head.append(h('link', { rel: 'stylesheet', href: '/shared/bell.css', 'data-bell': true }));
  const count = h('span', { class: 'bell-count', 'data-testid': 'bell-count', dataset: { unread: '0' } }, '0');
  const button = h('button', { type: 'button', class: 'bell', 'data-testid': 'bell', 'aria-expanded': 'false', title: `${INBOX_LABELS.bell}（${INBOX_LABELS.unread}）` }, INBOX_LABELS.bell, count);
  const panel = h('div', { class: 'bell-panel', 'data-testid': 'bell-panel', role: 'region', 'aria-label': INBOX_LABELS.bell, hidden: true });
  const wrap = h('span', { class: 'bell-wrap', 'data-testid': 'bell-wrap' }, button, panel);
  container.append(wrap);

  /** @param {boolean} yes */
  const open = (yes) => {
    panel.hidden = !yes;
    button.setAttribute('aria-expanded', String(yes));
  };
  button.addEventListener('click', () => {
    open(panel.hidden === true);
    if (!panel.hidden) void refresh();
  });
  document.addEventListener('click', (event) => {
    if (!panel.hidden && event.target instanceof Node && !wrap.contains(event.target)) open(false);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) open(false);
  });

  async function refresh() {
    try {
      /** @type {InboxView} */
      const box = await api('/api/notifications/inbox');
      render(box);
      wrap.hidden = false;
    } catch (error) {
      // Not signed in yet, or a wall screen: no bell. Anything else: keep the last count.
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) wrap.hidden = true;
      else if (!(error instanceof ApiError)) console.error(error); // a bug, not a refusal: let it be seen
    }
  }

  /** @param {InboxItemView} item */
  async function markRead(item) {
    if (item.readAt) return;
    await api(`/api/notifications/inbox/${item.id}/read`, { method: 'POST' });
  }

  /** @param {InboxView} box */
  function render(box) {
    count.textContent = box.unread > 99 ? '99+' : String(box.unread);
    count.dataset.unread = String(box.unread);
    panel.replaceChildren(
      box.items.length === 0
        ? h('p', { class: 'bell-empty', 'data-testid': 'bell-empty' }, INBOX_LABELS.empty)
        : h('ul', { class: 'bell-list' },
            box.items.map((item) => {
              const link = h('a', { href: item.link, class: 'bell-link', 'data-testid': 'bell-item' },
                h('span', { class: 'bell-kind' }, NOTICE_KIND_LABELS[/** @type {keyof typeof NOTICE_KIND_LABELS} */ (item.kind)] ?? ''),
                h('b', { class: 'bell-title' }, item.title),
                h('span', { class: 'bell-body' }, item.body),
                h('small', { class: 'bell-time' }, localDateTime(item.createdAt)));
              link.addEventListener('click', (event) => {
                if (item.readAt) return;
                event.preventDefault();
                void markRead(item).finally(() => window.location.assign(item.link));
              });
              const read = item.readAt
                ? null
                : h('button', { type: 'button', class: 'bell-read', 'data-testid': 'bell-mark-read' }, INBOX_LABELS.markRead);
              read?.addEventListener('click', () => void markRead(item).then(refresh));
              return h('li', { class: item.readAt ? 'read' : 'unread', dataset: { unread: String(!item.readAt) } }, link, read);
            })),
    );
  }

  void refresh();
  setInterval(() => void refresh(), REFRESH_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refresh();
  });
}
