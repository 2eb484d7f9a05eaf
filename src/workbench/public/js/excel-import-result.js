// @ts-check
// The Excel page's import result: counts, row errors, the stage decisions (which evidence
// decided each row's stage), the rows not imported, and the column-mapping editor shown when
// the file has headers the server does not know. Used by excel-page.js only.
import { $, h, setChildren } from '/shared/dom.js';
import { EVIDENCE_LABELS, MAPPING_SOURCE_LABELS, SKIPPED_LABELS, STAGE_LABELS } from '/shared/labels.js';

/** @typedef {import('/shared/types.js').ImportResult} ImportResult */
/** @typedef {import('/shared/types.js').MappingView} MappingView */
/** @typedef {import('/shared/types.js').MappingColumn} MappingColumn */
/** @typedef {MappingView['fields']} MappingFields */
/** @typedef {Record<string, string | null>} ColumnMapping header → field (null: not read), as the import's `mapping` parameter takes it */

function rowsOf(/** @type {string} */ tableTestId) {
  return $('tbody', $(`[data-testid="${tableTestId}"]`));
}

/** Counts, errors, decisions, skipped rows and the mapping of a dry run or a commit. */
export function showResult(/** @type {ImportResult} */ result) {
  const { committed, errors } = result;
  $('[data-testid="import-result"]').hidden = false;
  setChildren($('[data-testid="import-counts"]'),
    committed ? '已导入：' : '检查结果：',
    `共 ${result.rows} 行，`,
    committed ? '新增 ' : '将新增 ', h('b', { 'data-testid': 'count-created' }, String(result.created)),
    committed ? '，更新 ' : '，将更新 ', h('b', { 'data-testid': 'count-updated' }, String(result.updated)),
    '，无变化 ', h('b', { 'data-testid': 'count-unchanged' }, String(result.unchanged)),
    errors.length ? h('span', { class: 'bad-text' }, `；发现 ${errors.length} 处错误，请改正 Excel 后重新检查（有错误时不会导入任何数据）`) : null,
    result.ignoredColumns.length ? h('small', { class: 'ignored' }, `未读取的列：${result.ignoredColumns.join('、')}`) : null);

  $('[data-testid="import-errors"]').hidden = errors.length === 0;
  rowsOf('import-errors').replaceChildren(...errors.map((e) => h('tr', { 'data-testid': 'import-error-row' },
    h('td', { class: 'num' }, String(e.row)),
    h('td', null, e.sheet || '—'),
    h('td', null, e.column || '—'),
    h('td', null, e.message))));

  const decisions = result.decisions ?? [];
  $('[data-testid="import-decisions-block"]').hidden = decisions.length === 0;
  rowsOf('import-decisions').replaceChildren(...decisions.map((d) => h('tr', { 'data-testid': 'import-decision-row', 'data-evidence': d.evidence, 'data-warning': d.warning ? 'true' : 'false' },
    h('td', null, d.sheet),
    h('td', { class: 'num' }, String(d.row)),
    h('td', { 'data-testid': 'decision-stage' }, STAGE_LABELS[d.stage]),
    h('td', { 'data-testid': 'decision-evidence' }, EVIDENCE_LABELS[d.evidence]),
    h('td', null, d.warning ? `${d.detail}。${d.warning}` : d.detail))));

  const { skipped } = result;
  $('[data-testid="import-skipped-block"]').hidden = skipped.length === 0;
  rowsOf('import-skipped').replaceChildren(...skipped.map((s) => h('tr', { 'data-testid': 'import-skipped-row', 'data-kind': s.kind },
    h('td', null, s.sheet),
    h('td', { class: 'num' }, s.row === null ? '—' : String(s.row)),
    h('td', null, `${SKIPPED_LABELS[s.kind]}：${s.reason}`))));

  showMapping(result.mapping);
}

/**
 * The mapping editor: one select per header nobody maps (source "none"), and per header the
 * user or the county's kept mapping decided (so it can be corrected); preset to the field it is
 * read as, else the server's proposal. Hidden when every header is read by the rules.
 */
function showMapping(/** @type {MappingView} */ mapping) {
  const block = $('[data-testid="import-mapping"]');
  const columns = mapping.columns.filter((c) => c.source !== 'rules');
  // shown when the file needs a mapping, when one is proposed, and when one was used (to correct it)
  block.hidden = !(mapping.required || columns.some((c) => c.proposal !== null || c.source !== 'none'));
  if (block.hidden) return;
  rowsOf('import-mapping').replaceChildren(...columns.map((column) => mappingRow(column, mapping.fields)));
}

function mappingRow(/** @type {MappingColumn} */ column, /** @type {MappingFields} */ fields) {
  const select = h('select', { 'data-testid': 'mapping-select', 'data-header': column.header, 'aria-label': `表头“${column.header}”读作` },
    h('option', { value: '' }, '（不读取）'),
    fields.map((f) => h('option', { value: f.field }, f.label)));
  select.value = column.source === 'none' ? (column.proposal?.field ?? '') : (column.field ?? '');
  return h('tr', { 'data-testid': 'mapping-row', 'data-source': column.source },
    h('td', { class: 'name' }, column.header, column.sheets.length ? h('small', { class: 'muted' }, column.sheets.join('、')) : null),
    h('td', null, select),
    h('td', { class: 'confidence' }, suggestion(column, fields)));
}

/** The proposal with how sure the server is of it, else where the column's meaning came from. */
function suggestion(/** @type {MappingColumn} */ column, /** @type {MappingFields} */ fields) {
  const { proposal } = column;
  if (proposal) return `${fields.find((f) => f.field === proposal.field)?.label ?? proposal.field}（把握 ${Math.round(proposal.confidence * 100)}%）`;
  return column.source === 'none' ? '—' : MAPPING_SOURCE_LABELS[column.source];
}

/** The mapping the editor shows now. */
export function mappingFromEditor() {
  /** @type {ColumnMapping} */
  const mapping = {};
  for (const select of $('[data-testid="import-mapping"]').querySelectorAll('select')) {
    const header = select.dataset.header;
    if (header !== undefined) mapping[header] = select.value || null;
  }
  return mapping;
}

export function hideResult() {
  $('[data-testid="import-result"]').hidden = true;
}
