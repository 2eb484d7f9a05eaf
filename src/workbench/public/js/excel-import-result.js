// The Excel page's import result: counts, row errors, the stage decisions (which evidence
// decided each row's stage), the rows not imported, and the column-mapping editor shown when
// the file has headers the server does not know. Used by excel-page.js only.

import { h, setChildren, $ } from '/shared/dom.js';
import { STAGE_LABELS } from './labels.js';

/** What each kind of evidence is called (the server's `decisions[].evidence`). */
const EVIDENCE_LABELS = {
  completionDate: '竣工时间',
  startDate: '实际开工时间',
  stageText: '阶段文字',
  listCategory: '项目类别',
  sheetName: '工作表名称',
  recorded: '系统已有阶段',
  none: '无阶段信息',
};

const SKIPPED_LABELS = { blank: '空行', total: '合计', section: '分组', note: '说明', sheet: '工作表' };

function rowsOf(tableTestId) {
  return $('tbody', $(`[data-testid="${tableTestId}"]`));
}

/** Counts, errors, decisions and skipped rows of a dry run or a commit. */
export function showResult(result) {
  const committed = result.committed === true;
  $('[data-testid="import-result"]').hidden = false;
  const errors = Array.isArray(result.errors) ? result.errors : [];
  setChildren($('[data-testid="import-counts"]'),
    committed ? '已导入：' : '检查结果：',
    `共 ${result.rows ?? 0} 行，`,
    committed ? '新增 ' : '将新增 ', h('b', { 'data-testid': 'count-created' }, String(result.created ?? 0)),
    committed ? '，更新 ' : '，将更新 ', h('b', { 'data-testid': 'count-updated' }, String(result.updated ?? 0)),
    '，无变化 ', h('b', { 'data-testid': 'count-unchanged' }, String(result.unchanged ?? 0)),
    errors.length ? h('span', { class: 'bad-text' }, `；发现 ${errors.length} 处错误，请改正 Excel 后重新检查（有错误时不会导入任何数据）`) : null,
    Array.isArray(result.ignoredColumns) && result.ignoredColumns.length ? h('small', { class: 'ignored' }, `未读取的列：${result.ignoredColumns.join('、')}`) : null);

  const table = $('[data-testid="import-errors"]');
  table.hidden = errors.length === 0;
  rowsOf('import-errors').replaceChildren(...errors.map((e) => h('tr', { 'data-testid': 'import-error-row' },
    h('td', { class: 'num' }, e.row === null || e.row === undefined ? '—' : String(e.row)),
    h('td', null, e.sheet || '—'),
    h('td', null, e.column || '—'),
    h('td', null, e.message || ''))));

  const decisions = Array.isArray(result.decisions) ? result.decisions : [];
  $('[data-testid="import-decisions-block"]').hidden = decisions.length === 0;
  rowsOf('import-decisions').replaceChildren(...decisions.map((d) => h('tr', { 'data-testid': 'import-decision-row', 'data-evidence': d.evidence, 'data-warning': d.warning ? 'true' : 'false' },
    h('td', null, d.sheet),
    h('td', { class: 'num' }, String(d.row)),
    h('td', { 'data-testid': 'decision-stage' }, STAGE_LABELS[d.stage] || d.stage),
    h('td', { 'data-testid': 'decision-evidence' }, EVIDENCE_LABELS[d.evidence] || d.evidence),
    h('td', null, d.warning ? `${d.detail}。${d.warning}` : d.detail))));

  const skipped = Array.isArray(result.skipped) ? result.skipped : [];
  $('[data-testid="import-skipped-block"]').hidden = skipped.length === 0;
  rowsOf('import-skipped').replaceChildren(...skipped.map((s) => h('tr', { 'data-testid': 'import-skipped-row', 'data-kind': s.kind },
    h('td', null, s.sheet),
    h('td', { class: 'num' }, s.row === null ? '—' : String(s.row)),
    h('td', null, `${SKIPPED_LABELS[s.kind] || ''}：${s.reason}`))));

  showMapping(result.mapping);
}

/**
 * The mapping editor: one select per header nobody maps (source "none"), and per header the
 * user or the county's kept mapping decided (so it can be corrected); preset to the field it is
 * read as, else the server's proposal. Hidden when every header is read by the rules.
 */
function showMapping(mapping) {
  const block = $('[data-testid="import-mapping"]');
  const columns = mapping && Array.isArray(mapping.columns) ? mapping.columns.filter((c) => c.source !== 'rules') : [];
  const unknown = columns.filter((c) => c.source === 'none');
  // shown when the file needs a mapping, when one is proposed, and when one was used (to correct it)
  block.hidden = !(mapping && (mapping.required || unknown.some((c) => c.proposal) || columns.some((c) => c.source !== 'none')));
  if (block.hidden) return;
  const fields = Array.isArray(mapping.fields) ? mapping.fields : [];
  rowsOf('import-mapping').replaceChildren(...columns.map((column) => {
    const chosen = column.source === 'none' ? (column.proposal ? column.proposal.field : '') : column.field || '';
    const select = h('select', { 'data-testid': 'mapping-select', 'data-header': column.header, 'aria-label': `表头“${column.header}”读作` },
      h('option', { value: '' }, '（不读取）'),
      fields.map((f) => h('option', { value: f.field }, f.label)));
    select.value = chosen;
    return h('tr', { 'data-testid': 'mapping-row', 'data-source': column.source },
      h('td', { class: 'name' }, column.header, column.sheets && column.sheets.length ? h('small', { class: 'muted' }, column.sheets.join('、')) : null),
      h('td', null, select),
      h('td', { class: 'confidence' }, column.proposal ? `${labelOf(fields, column.proposal.field)}（把握 ${Math.round(column.proposal.confidence * 100)}%）` : column.source === 'none' ? '—' : column.source === 'saved' ? '该县（市、区）已保存' : '本次指定'));
  }));
}

function labelOf(fields, field) {
  const found = fields.find((f) => f.field === field);
  return found ? found.label : field;
}

/** The mapping the editor shows now: { header: field | null }. */
export function mappingFromEditor() {
  const mapping = {};
  for (const select of $('[data-testid="import-mapping"]').querySelectorAll('select[data-header]')) mapping[select.dataset.header] = select.value || null;
  return mapping;
}

export function hideResult() {
  $('[data-testid="import-result"]').hidden = true;
}
