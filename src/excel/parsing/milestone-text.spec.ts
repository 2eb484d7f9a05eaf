import { describe, expect, it } from '@jest/globals';
import { milestoneText, parseMilestoneText } from './milestone-text.js';

/** The 节点计划 cell read and written (docs/excel-import.md "Milestones in the ledger"), on hand-written cells. */
describe('节点计划 text', () => {
  it('writes name, planned date and （实际 …）, apart by ；, and reads it back', () => {
    const list = [
      { name: '开工', plannedDate: '2025-03-01', actualDate: '2025-03-05' },
      { name: '设备安装', plannedDate: '2025-08-31', actualDate: null },
    ];
    expect(milestoneText(list)).toBe('开工 2025-03-01（实际 2025-03-05）；设备安装 2025-08-31');
    expect(parseMilestoneText('开工 2025-03-01（实际 2025-03-05）；设备安装 2025-08-31')).toEqual({ ok: true, value: list });
    expect(milestoneText([])).toBeNull();
  });

  it('reads the dates and separators offices write', () => {
    expect(parseMilestoneText('1号车间主体完工：2025年6月底(完成 2025/6/28);试生产 2025.9\n竣工投产 20251231')).toEqual({
      ok: true,
      value: [
        { name: '1号车间主体完工', plannedDate: '2025-06-30', actualDate: '2025-06-28' },
        { name: '试生产', plannedDate: '2025-09-01', actualDate: null },
        { name: '竣工投产', plannedDate: '2025-12-31', actualDate: null },
      ],
    });
  });

  it('refuses what it cannot read, naming each item and saying what to write', () => {
    for (const [cell, said] of [
      ['开工', '第 1 项“开工”不是“节点名称 计划日期”'],
      ['2025-03-01', '第 1 项“2025-03-01”不是“节点名称 计划日期”'],
      ['开工 3月1日', '第 1 项“开工 3月1日”不是“节点名称 计划日期”'],
      ['开工 2025-03-01；主体完工 2025-13-01', '第 2 项“主体完工 2025-13-01”的计划日期：日期 2025-13-01 不存在'],
      ['开工 2025-03-01（实际 下周）', '第 1 项“开工 2025-03-01（实际 下周）”不是“节点名称 计划日期”'],
      ['；', '没有节点'],
    ]) {
      const parsed = parseMilestoneText(cell);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.message).toContain(said);
        expect(parsed.message).toContain('如“开工 2025-03-01（实际 2025-03-05）；设备安装 2025-08-31”');
      }
    }
  });
});
