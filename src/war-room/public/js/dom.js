// Tiny DOM helpers: build elements without innerHTML (names come from data).

/** h('div', { class: 'x', dataset: { id: 1 }, onclick: fn }, child, 'text', [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

export function $(selector, root = document) {
  return root.querySelector(selector);
}

export function $$(selector, root = document) {
  return Array.from(root.querySelectorAll(selector));
}

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
