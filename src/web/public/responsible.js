// @ts-check
// Who answers for a project, in one line, for every page that names them beside the county
// (docs/domain/responsibility.md "On the board"): 包联 甲 · 县包联 乙 · 专员 丙.

/** @typedef {import('/shared/types.js').ResponsibleNames} ResponsibleNames */

/** The names in one line; '' when none is named (or the list predates them). */
export function responsibleText(/** @type {ResponsibleNames | undefined} */ responsible) {
  if (!responsible) return '';
  return [
    responsible.cityLeader ? `包联 ${responsible.cityLeader}` : '',
    responsible.countyLeader ? `县包联 ${responsible.countyLeader}` : '',
    responsible.commissioner ? `专员 ${responsible.commissioner}` : '',
  ].filter(Boolean).join(' · ');
}
