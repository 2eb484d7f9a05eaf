// @ts-check
// 要素保障: requests waiting on a department (待办) and the overdue ones among them, by kind and
// by department, and the longest overdue by project name with its 包联领导 and 专员; follows the board's period (the
// requests as they stood on its reference date). Clicking a project opens its card.
import { $, h, setText } from '/shared/dom.js';
import { shortRegion } from '/shared/format.js';
import { REQUEST_KIND_LABELS } from '/shared/labels.js';
import { responsibleText } from '/shared/responsible.js';
import { regionName } from './state.js';

/** @typedef {import('/shared/types.js').Dashboard} Dashboard */

export function renderFactorGuarantee(/** @type {Dashboard} */ d, /** @type {(id: number) => void} */ openProject) {
  const block = d.factorGuarantee;
  const panel = $('[data-testid="factor-panel"]');
  if (!block) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  setText('factor-open', String(block.open));
  setText('factor-overdue', String(block.overdue));
  $('[data-role="factor-ref"]').textContent = `截至 ${block.refDate}`;
  $('[data-testid="factor-kinds"]').replaceChildren(...block.byKind.filter((k) => k.open > 0).map((k) =>
    h('span', { class: `factor-chip${k.overdue ? ' late' : ''}`, 'data-testid': 'factor-kind', 'data-kind': k.kind, title: `${REQUEST_KIND_LABELS[k.kind]}：待办 ${k.open} 项，逾期 ${k.overdue} 项` },
      REQUEST_KIND_LABELS[k.kind], h('b', null, String(k.open)), k.overdue ? h('i', null, `逾${k.overdue}`) : null)));
  $('[data-testid="factor-departments"]').replaceChildren(...block.byDepartment.filter((x) => x.open > 0).map((x) =>
    h('span', { class: `factor-dept${x.overdue ? ' late' : ''}`, 'data-testid': 'factor-department', 'data-department': x.code },
      x.name.replace(/^市/, ''), ' ', h('b', null, String(x.open)), x.overdue ? h('i', null, `/逾${x.overdue}`) : null)));
  const longest = $('[data-testid="factor-longest"]');
  longest.replaceChildren(...block.longestOverdue.map((item) => {
    const projectId = item.projectId;
    const subject = [h('span', { class: 'ri-region' }, shortRegion(regionName(item.region))), h('span', { class: 'ri-name' }, item.projectName)];
    const title = `${item.projectName}（${item.departmentName}）`;
    // A problem about an enterprise or a whole chain has no project to open: its name is shown, not a link.
    return h('li', { 'data-testid': 'factor-overdue-item', 'data-project-id': projectId },
      projectId === null ? h('span', { class: 'factor-subject', title }, ...subject) : h('button', { type: 'button', class: 'link', onclick: () => openProject(projectId), title }, ...subject),
      h('span', { class: 'factor-late' }, `${REQUEST_KIND_LABELS[item.kind]} · 逾期 ${item.daysOverdue} 天`),
      responsibleText(item.responsible) ? h('span', { class: 'ri-people factor-people', 'data-testid': 'factor-responsible', title: responsibleText(item.responsible) }, responsibleText(item.responsible)) : null);
  }));
  if (!block.longestOverdue.length) longest.replaceChildren(h('li', { class: 'empty' }, block.open ? '暂无逾期需求' : '暂无待办需求'));
}
