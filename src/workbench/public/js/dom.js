// DOM helpers: the shared ones, and this page's own.

import { append } from '/shared/dom.js';

export { $, $$, h } from '/shared/dom.js';

/** The query string of the page as an object of strings. */
export function queryParams() {
  return Object.fromEntries(new URLSearchParams(window.location.search).entries());
}

/** Replaces the page's query string (no reload, no history entry per keystroke). */
export function setQueryParams(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  window.history.replaceState(null, '', text ? `?${text}` : window.location.pathname);
}

/** Replaces an element's children, skipping null/false ones (replaceChildren would print "null"). */
export function setChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}
