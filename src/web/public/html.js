// @ts-check
// Chart tooltips are HTML strings (ECharts sets them as innerHTML): every value put into one
// goes through `html`, which escapes it, so a project or region name can never become markup.

/** Text made safe to put inside HTML. */
export function escapeHtml(/** @type {unknown} */ value) {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[/** @type {keyof typeof ESCAPES} */ (c)]);
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A tagged template for tooltip markup: the literal parts are markup, every interpolated value
 * is escaped. html`${name}<br>完成 ${amount} 万元`
 * @param {TemplateStringsArray} strings
 * @param {...unknown} values
 */
export function html(strings, ...values) {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? escapeHtml(values[i]) : ''), '');
}
