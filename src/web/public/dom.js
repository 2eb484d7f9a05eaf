// @ts-check
// DOM helpers of both pages: build elements without innerHTML (names come from data), find
// the elements a page's HTML must have (a missing one is a bug and says which), read the
// query string.

/**
 * What h() and append() take as children: nodes, text, numbers, and nested lists of them;
 * null, undefined and false are skipped.
 * @typedef {Node | string | number | boolean | null | undefined | ChildList} Child
 */
/** @typedef {{ readonly [index: number]: Child, readonly length: number }} ChildList */

/**
 * h('div', { class: 'x', dataset: { id: 1 }, onclick }, child…): attributes that are null,
 * undefined or false are left out; `on…` functions become listeners.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown> | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value' && 'value' in el) el.value = String(value);
    else if (key === 'checked' && 'checked' in el) el.checked = Boolean(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children, flattening arrays and skipping null, undefined and false. */
export function append(/** @type {Element} */ el, /** @type {Child[]} */ children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's children, skipping null and false ones (replaceChildren would print "null"). */
export function setChildren(/** @type {Element} */ el, /** @type {Child[]} */ ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * The element `selector` finds (in `root`): every page's own HTML has it, so its absence is a bug.
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {HTMLElement}
 */
export function $(selector, root = document) {
  return $of(HTMLElement, selector, root);
}

/**
 * The element `selector` finds, as the kind of element the caller needs (a select, an input…).
 * @template {Element} T
 * @param {{ new (): T, prototype: T }} type
 * @param {string} selector
 * @param {ParentNode} [root]
 * @returns {T}
 */
export function $of(type, selector, root = document) {
  const el = root.querySelector(selector);
  if (!(el instanceof type)) throw new Error(`page element ${selector} is ${el ? `a ${el.tagName}` : 'missing'}`);
  return el;
}

/** The element `selector` finds, or null where it may be absent. */
export function $maybe(/** @type {string} */ selector, /** @type {ParentNode} */ root = document) {
  const el = root.querySelector(selector);
  return el instanceof HTMLElement ? el : null;
}

/** Every element `selector` finds. */
export function $$(/** @type {string} */ selector, /** @type {ParentNode} */ root = document) {
  return Array.from(root.querySelectorAll(selector)).filter((el) => el instanceof HTMLElement);
}

/** Sets the text of the element with data-testid=id (in root) and returns it. */
export function setText(/** @type {string} */ testId, /** @type {string} */ text, /** @type {ParentNode} */ root = document) {
  const el = $(`[data-testid="${testId}"]`, root);
  el.textContent = text;
  return el;
}

/**
 * A named control of a form (input, select or textarea).
 * @param {HTMLFormElement} form
 * @param {string} name
 * @returns {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement}
 */
export function control(form, name) {
  const el = form.elements.namedItem(name);
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) return el;
  throw new Error(`form control ${name} is ${el ? 'not a single control' : 'missing'}`);
}

/** The value of a named form field, a single control or a group of radio buttons. */
export function fieldValue(/** @type {HTMLFormElement} */ form, /** @type {string} */ name) {
  const el = form.elements.namedItem(name);
  if (el instanceof RadioNodeList) return el.value;
  return control(form, name).value;
}

/** The query string of the page as an object of strings. */
export function queryParams() {
  return Object.fromEntries(new URLSearchParams(window.location.search).entries());
}

/** Replaces the page's query string (no reload, no history entry per keystroke); empty values are left out. */
export function setQueryParams(/** @type {Record<string, unknown>} */ params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  window.history.replaceState(null, '', text ? `?${text}` : window.location.pathname);
}
