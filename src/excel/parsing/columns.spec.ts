import { describe, expect, it } from '@jest/globals';
import { CHAINS, REGIONS } from '../../../seeds/reference-data.js';
import { recogniseLedgerColumn, recogniseReportColumn } from './columns.js';
import { ChainLookup, RegionLookup } from './reference-lookup.js';
import { stageNamed } from './stage-text.js';
import { normaliseLabel } from './table.js';

const ledger = (label: string) => recogniseLedgerColumn(normaliseLabel(label));

describe('header variants', () => {
  it('recognises the ledger headers offices write', () => {
    const cases: [string, string | null][] = [
      ['序号', 'seq'],
      ['项目编码', 'code'],
      ['项目编号', 'code'],
      ['项目名称', 'name'],
      ['建设单位', 'owner'],
      ['项目单位', 'owner'],
      ['县（市、区）', 'region'],
      ['县市区', 'region'],
      ['所在县区', 'region'],
      ['产业链', 'chain'],
      ['所属产业链', 'chain'],
      ['总投资（万元）', 'total'],
      ['总投资\n（亿元）', 'total'],
      ['年度计划投资（万元）', 'planned'],
      ['2024年计划投资(亿元)', 'planned'],
      ['计划开工时间', 'plannedStart'],
      ['开工时间', 'actualStart'],
      ['实际开工时间', 'actualStart'],
      ['开工时间计划', 'plannedStart'],
      ['计划竣工时间', 'plannedCompletion'],
      ['竣工时间', 'actualCompletion'],
      ['建设内容', 'content'],
      ['建设规模及内容', 'content'],
      ['项目类别', 'category'],
      ['当前阶段', 'stage'],
      ['项目状态', 'stage'],
      ['进展', 'progress'],
      ['当前进展', 'progress'],
      ['形象进度', 'progress'],
      ['年度投资完成进度', null],
      ['立项（备案/核准）', 'approval.filing'],
      ['前期手续用地', 'approval.land'],
      ['施工许可', 'approval.construction'],
      ['节能审查', 'approval.energy'],
      ['统一社会信用代码', null],
      ['备注', null],
      ['本年完成投资', null],
    ];
    for (const [label, key] of cases) expect([label, ledger(label)]).toEqual([label, key]);
  });

  it('recognises the month-sheet headers', () => {
    expect(recogniseReportColumn(normaliseLabel('本月完成投资（万元）'))).toBe('amount');
    expect(recogniseReportColumn(normaliseLabel('当月完成投资(亿元)'))).toBe('amount');
    expect(recogniseReportColumn(normaliseLabel('累计完成投资'))).toBeNull();
    expect(recogniseReportColumn(normaliseLabel('形象进度'))).toBe('progress');
    expect(recogniseReportColumn(normaliseLabel('存在问题及要素需求'))).toBe('problems');
  });
});

describe('places, chains and stages by the names people write', () => {
  const regions = new RegionLookup(REGIONS);
  const chains = new ChainLookup(CHAINS);

  it('resolves full names, short names, codes, and 茌平县 to 茌平区', () => {
    const cases: [string, string][] = [
      ['东昌府区', '371502'],
      ['东昌府', '371502'],
      ['茌平县', '371503'],
      ['371523', '371503'],
      ['临清', '371581'],
      ['莘县', '371522'],
      ['经开区', '371571'],
      ['聊城经济技术开发区', '371571'],
      ['高新区', '371572'],
      ['度假区', '371573'],
      ['江北水城旅游度假区', '371573'],
      ['371526', '371526'],
    ];
    for (const [text, code] of cases) expect([text, regions.resolve(text)]).toEqual([text, { ok: true, value: code }]);
    expect(regions.resolve('开发区').ok).toBe(false);
  });

  it('resolves chains with or without 产业链, and 汽车零部件 for 汽车及零部件', () => {
    expect(chains.resolve('绿色化工产业链')).toEqual({ ok: true, value: 'green-chemical' });
    expect(chains.resolve('汽车零部件')).toEqual({ ok: true, value: 'auto-parts' });
    expect(chains.resolve('health')).toEqual({ ok: true, value: 'health' });
    expect(chains.resolve('造船').ok).toBe(false);
  });

  it('reads a whole cell that names a stage; progress text names none', () => {
    const stages: [string, string][] = [
      ['储备', 'reserve'],
      ['准备', 'preparation'],
      ['前期', 'preparation'],
      ['处于准备阶段', 'preparation'],
      ['已开工', 'started'],
      ['开工建设', 'started'],
      ['在建', 'active'],
      ['正在施工', 'active'],
      ['停工', 'halted'],
      ['停工中', 'halted'],
      ['已竣工投产', 'completed'],
      ['竣工。', 'completed'],
      ['退出', 'withdrawn'],
      ['　在　建　', 'active'],
    ];
    for (const [text, claim] of stages) expect([text, stageNamed(text)]).toEqual([text, claim]);
    for (const text of ['主体施工', '设备安装调试', '试生产', '土地摘牌', '环评公示', '手续办理', '前期工作', '前期手续办理中', '未开工', '未竣工', '良好', '新建', '续建'])
      expect([text, stageNamed(text)]).toEqual([text, null]);
  });
});
