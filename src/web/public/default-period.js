// @ts-check
// The period both pages open on, as the server states it (GET /api/periods/default): the
// pages never take "today" from the browser's clock for it.
import { api } from '/shared/api.js';

/** @typedef {import('/shared/types.js').DefaultPeriod} DefaultPeriod */

/** @type {Promise<DefaultPeriod> | null} */
let asked = null;

/** The server's default period, asked once per page load (again after a failed ask). */
export function defaultPeriod() {
  if (!asked) {
    /** @type {Promise<DefaultPeriod>} */
    const period = api('/api/periods/default');
    period.catch(() => {
      if (asked === period) asked = null;
    });
    asked = period;
  }
  return asked;
}
