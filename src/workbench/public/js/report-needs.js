// @ts-check
// 要素需求 entered with a monthly report: under a row of the report sheet, one need (what, how
// much, why); saving the row files the report and raises the need as a 要素保障 request in the
// same transaction (PUT …/reports/:month with `requests`), routed to the department owning it.
import { h } from '/shared/dom.js';
import { needFields } from './request-forms.js';

/**
 * A need entry for one report row: the button that opens it, its table row, what it will send.
 * @param {string} projectName
 * @param {number} columns the report table's width
 */
export function needEntry(projectName, columns) {
  const need = needFields();
  const note = h('span', { class: 'muted', 'data-testid': 'need-note' });
  const tr = h('tr', { class: 'need-row', 'data-testid': 'need-row', hidden: true },
    h('td', { colspan: String(columns) }, h('div', { class: 'step-fields' }, h('b', null, `${projectName} · 要素需求`), need.elements), note));
  const open = h('button', { type: 'button', class: 'btn ghost small', 'data-testid': 'add-need', title: '把用地、能耗、环境容量、资金等需求作为要素保障需求提出' }, '＋需求');
  open.addEventListener('click', () => {
    tr.hidden = !tr.hidden;
  });
  return {
    open,
    tr,
    /** The needs to send with the report: the one entered, when it has a description. */
    read() {
      const body = need.read();
      return !tr.hidden && body.description ? [body] : [];
    },
    /** After the report was saved with it. */
    sent(/** @type {string} */ text) {
      need.clear();
      note.textContent = text;
    },
  };
}
