/**
 * The words of an import's answer: evidence, skipped rows, column sources, job phases.
 * Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts gathers every
 * module's labels), so it imports nothing but plain modules.
 */
import type { Evidence, JobPhase, MappingSource, SkipKind } from './import-codes.js';

/** Which evidence decided a ledger row's stage (an import's `decisions[].evidence`; docs/excel-import.md). */
export const EVIDENCE_LABELS: Record<Evidence, string> = {
  completionDate: '竣工时间',
  startDate: '实际开工时间',
  stageText: '阶段文字',
  listCategory: '项目类别',
  sheetName: '工作表名称',
  recorded: '系统已有阶段',
  none: '无阶段信息',
};

/** Why an imported row (or a whole sheet) was not read (`skipped[].kind`). */
export const SKIPPED_LABELS: Record<SkipKind, string> = { blank: '空行', total: '合计', section: '分组', note: '说明', sheet: '工作表' };

/** How an import read a column (`mapping.columns[].source`). */
export const MAPPING_SOURCE_LABELS: Record<MappingSource, string> = {
  rules: '按表头识别',
  saved: '该县（市、区）已保存',
  given: '本次指定',
  none: '未识别',
};

/** Where an import job stands (`GET /api/imports/jobs/:id` phase). */
export const IMPORT_PHASE_LABELS: Record<JobPhase, string> = {
  queued: '排队等待',
  parsing: '正在读取文件',
  validating: '正在检查',
  applying: '正在导入',
  done: '完成',
  failed: '未完成',
};
