import { describe, expect, it } from '@jest/globals';
import { decideStage, type RowEvidence } from './stage-evidence.js';

const TODAY = '2024-06-30';
const text = (claim: NonNullable<RowEvidence['stageText']>['claim'], words: string, key: 'stage' | 'progress' = 'stage') => ({ claim, text: words, key });
const list = (claim: 'implementation' | 'preparation' | 'reserve', from: 'listCategory' | 'sheetName' = 'listCategory') => ({ claim, from, text: '…' });

/**
 * The stage a ledger row's evidence gives, worked out by hand: [case, evidence, recorded start,
 * expected claim and evidence (or the column the conflict names)].
 */
describe('stage from evidence', () => {
  it('takes the strongest evidence: completion date, start date, a stage word, the list, nothing', () => {
    const cases: [string, RowEvidence, string | null, [string, string, boolean]][] = [
      ['completion date', { actualStartDate: '2024-01-10', actualCompletionDate: '2024-06-01' }, null, ['completed', 'completionDate', false]],
      ['completion with the start already recorded', { actualCompletionDate: '2024-06-01' }, '2024-01-10', ['completed', 'completionDate', false]],
      ['start date', { actualStartDate: '2024-03-15' }, null, ['started', 'startDate', false]],
      ['start date and 在建 agree', { actualStartDate: '2024-03-15', stageText: text('active', '在建') }, null, ['started', 'startDate', false]],
      ['start date and 停工', { actualStartDate: '2024-03-15', stageText: text('halted', '停工') }, null, ['halted', 'stageText', true]],
      ['竣工 with its date', { actualStartDate: '2024-01-10', actualCompletionDate: '2024-06-01', stageText: text('completed', '竣工投产', 'progress') }, null, ['completed', 'completionDate', false]],
      ['准备 without dates', { stageText: text('preparation', '准备'), category: list('implementation') }, null, ['preparation', 'stageText', true]],
      ['储备 beats the list', { stageText: text('reserve', '储备'), category: list('preparation') }, null, ['reserve', 'stageText', true]],
      ['在建 with the start recorded', { stageText: text('active', '在建') }, '2024-02-01', ['active', 'stageText', true]],
      ['退出', { stageText: text('withdrawn', '退出') }, null, ['withdrawn', 'stageText', true]],
      ['准备类 list', { category: list('preparation') }, null, ['preparation', 'listCategory', false]],
      ['实施类 list without a start', { category: list('implementation') }, null, ['preparation', 'listCategory', false]],
      ['储备 sheet', { category: list('reserve', 'sheetName') }, null, ['reserve', 'sheetName', false]],
      ['实施类 sheet', { category: list('implementation', 'sheetName') }, null, ['preparation', 'sheetName', false]],
      ['nothing', {}, null, ['reserve', 'none', false]],
    ];
    for (const [name, evidence, recorded, [claim, source, stated]] of cases) {
      const decision = decideStage(evidence, recorded, TODAY);
      expect([name, decision]).toEqual([name, expect.objectContaining({ claim, evidence: source, stated })]);
    }
  });

  it('warns for an 实施类 row that says nothing of a start, and only then', () => {
    expect(decideStage({ category: list('implementation') }, null, TODAY)).toMatchObject({ warning: expect.stringContaining('实际开工时间') });
    expect(decideStage({ category: list('implementation') }, '2024-02-01', TODAY)).toMatchObject({ warning: null });
    expect(decideStage({ category: list('preparation') }, null, TODAY)).toMatchObject({ warning: null });
    expect(decideStage({ actualStartDate: '2024-03-01', category: list('implementation') }, null, TODAY)).toMatchObject({ warning: null });
  });

  it('refuses a row only when its evidence contradicts itself or a stage word lacks its date', () => {
    const cases: [string, RowEvidence, string | null, string, string][] = [
      ['completion before start', { actualStartDate: '2024-05-01', actualCompletionDate: '2024-04-01' }, null, 'actualCompletion', '早于开工时间'],
      ['completion before the recorded start', { actualCompletionDate: '2024-01-01' }, '2024-02-01', 'actualCompletion', '早于开工时间'],
      ['start in the future', { actualStartDate: '2024-07-01' }, null, 'actualStart', '晚于今天'],
      ['completion in the future', { actualStartDate: '2024-01-01', actualCompletionDate: '2024-12-31' }, null, 'actualCompletion', '晚于今天'],
      ['completion without any start', { actualCompletionDate: '2024-05-01' }, null, 'actualStart', '没有实际开工时间'],
      ['储备 with a start date', { actualStartDate: '2024-03-01', stageText: text('reserve', '储备') }, null, 'stage', '矛盾'],
      ['准备 with a start date', { actualStartDate: '2024-03-01', stageText: text('preparation', '前期', 'progress') }, null, 'progress', '矛盾'],
      ['在建 with a completion date', { actualStartDate: '2024-01-01', actualCompletionDate: '2024-05-01', stageText: text('active', '在建') }, null, 'stage', '矛盾'],
      ['竣工 without its date', { actualStartDate: '2024-01-01', stageText: text('completed', '已竣工') }, null, 'stage', '没有竣工时间'],
      ['在建 without a start', { stageText: text('active', '在建') }, null, 'stage', '没有实际开工时间'],
    ];
    for (const [name, evidence, recorded, key, words] of cases)
      expect([name, decideStage(evidence, recorded, TODAY)]).toEqual([name, { key, message: expect.stringContaining(words) }]);
  });
});
