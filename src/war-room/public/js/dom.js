// DOM helpers: the shared ones, and this page's own.

export { $, $$, h } from '/shared/dom.js';

/** Sets the text of the element with data-testid=id (inside root). */
export function setText(testId, text, root = document) {
  const el = root.querySelector(`[data-testid="${testId}"]`);
  if (el) el.textContent = text;
  return el;
}

export const STAGE_LABELS = {
  reserve: '储备',
  preparation: '准备',
  'implementation.active': '实施（在建）',
  'implementation.halted': '实施（停工）',
  completed: '竣工',
  withdrawn: '退出',
};

export const LIST_LABELS = { implementation: '实施类', preparation: '准备类' };
