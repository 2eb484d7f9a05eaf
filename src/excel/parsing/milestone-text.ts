import type { MilestoneView } from '../../project-records/index.js';
import { fromText } from './dates.js';
import type { Parsed } from './money.js';

/**
 * The ledger's 节点计划 cell (docs/excel-import.md "Milestones in the ledger"): a project's
 * milestones as one readable text, `开工 2025-03-01（实际 2025-03-05）；设备安装 2025-08-31`: each
 * milestone its name, its planned date and, once reached, （实际 date）; milestones apart by "；".
 * The export writes this text and the import reads it back.
 */

/** What to write, said in every refusal. */
export const MILESTONE_TEXT_EXAMPLE = '开工 2025-03-01（实际 2025-03-05）；设备安装 2025-08-31';

/** A milestone as the export writes it. */
export function milestoneText(milestones: readonly MilestoneView[]): string | null {
  if (!milestones.length) return null;
  return milestones.map((m) => `${m.name} ${m.plannedDate}${m.actualDate ? `（实际 ${m.actualDate}）` : ''}`).join('；');
}

/** A date as an office writes it, with its year: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, 20250301, 2025年3月底. */
const DATE = String.raw`\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}[日号]?|月?(?:份|初|上旬|中旬|下旬|底|末)?)|\d{8}`;
/** name, optional ：, planned date, optional （实际 date） or （完成 date）. */
const ITEM = new RegExp(String.raw`^(.+?)[\s:：]*(${DATE})\s*(?:[（(]\s*(?:实际|完成)(?:日期|时间)?[\s:：]*(${DATE})\s*[）)])?$`, 'u');

/** The cell's text → milestones in their written order, or a message that says what to write. */
export function parseMilestoneText(text: string): Parsed<MilestoneView[]> {
  const items = text
    .split(/[；;\n]+/u)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const milestones: MilestoneView[] = [];
  const problems: string[] = items.length ? [] : ['没有节点'];
  items.forEach((item, index) => {
    const match = ITEM.exec(item);
    const name = match?.[1].trim() ?? '';
    if (!match || !name) {
      problems.push(`第 ${index + 1} 项“${item}”不是“节点名称 计划日期”`);
      return;
    }
    const planned = fromText(match[2]);
    const actual = match[3] === undefined ? null : fromText(match[3]);
    if (!planned.ok) problems.push(`第 ${index + 1} 项“${item}”的计划日期：${planned.message}`);
    else if (actual && !actual.ok) problems.push(`第 ${index + 1} 项“${item}”的实际日期：${actual.message}`);
    else milestones.push({ name, plannedDate: planned.value, actualDate: actual?.ok ? actual.value : null });
  });
  if (problems.length)
    return {
      ok: false,
      message: `节点计划无法识别（${problems.join('；')}）：请写成“节点名称 计划日期”，已完成的节点在后面加“（实际 完成日期）”，各节点之间用“；”分开，如“${MILESTONE_TEXT_EXAMPLE}”`,
    };
  return { ok: true, value: milestones };
}
