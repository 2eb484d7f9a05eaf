import { type Stage, STAGE_LABELS } from '../../lifecycle/index.js';
import type { Evidence } from '../import-codes.js';
import { CATEGORY_CLAIM_WORDS, CLAIM_WORDS, type CategoryClaim, type StageClaim } from './stage-text.js';

/** What a row says, each piece optional. */
export interface RowEvidence {
  actualStartDate?: string | null;
  actualCompletionDate?: string | null;
  /** A cell that names a stage (当前阶段, or a 当前进展 that is only a stage word), with its column key. */
  stageText?: { claim: StageClaim; text: string; key: 'stage' | 'progress' } | null;
  /** 项目类别 (column or section row: listCategory) or the sheet's name (sheetName). */
  category?: { claim: CategoryClaim; from: 'listCategory' | 'sheetName'; text: string } | null;
}

export interface StageDecision {
  claim: StageClaim;
  evidence: Evidence;
  /** Whether a cell stated the stage (a stated stage may not move a project back; derived ones never do). */
  stated: boolean;
  detail: string;
  /** Something the office should look at, though the row imports. */
  warning: string | null;
}

export interface EvidenceConflict {
  key: 'actualStart' | 'actualCompletion' | 'stage' | 'progress';
  message: string;
}

/** How far along each claim is (withdrawn below all). */
export const CLAIM_RANK: Record<StageClaim, number> = { reserve: 0, preparation: 1, started: 2, active: 2, halted: 2, completed: 3, withdrawn: -1 };

/**
 * The stage a row's evidence gives, strongest first: a completion date (竣工), a start date
 * (实施), a cell naming a stage, the list (实施类/准备类 → 准备; 储备 → 储备), else nothing.
 * A start date already recorded on the project counts as the row's own. The row is refused
 * only when its evidence contradicts itself (completion before start, a date after today,
 * a stage word below what its dates prove) or names a stage the dates cannot carry (在建
 * without a start date, 竣工 without a completion date). An 实施类 row with neither a start
 * date nor a stage word imports as 准备 with a warning: the list says it should be under
 * construction this year, but nothing in the row says it has started.
 */
export function decideStage(row: RowEvidence, recordedStartDate: string | null, today: string): StageDecision | EvidenceConflict {
  const start = row.actualStartDate ?? null;
  const completion = row.actualCompletionDate ?? null;
  const text = row.stageText ?? null;
  const knownStart = start ?? recordedStartDate;

  if (start && start > today) return { key: 'actualStart', message: `实际开工时间 ${start} 晚于今天（${today}）：未来的开工不能作为已开工导入` };
  if (completion && completion > today) return { key: 'actualCompletion', message: `竣工时间 ${completion} 晚于今天（${today}）` };
  if (completion && knownStart && completion < knownStart)
    return { key: 'actualCompletion', message: `竣工时间 ${completion} 早于开工时间 ${knownStart}：日期互相矛盾` };
  if (completion && !knownStart) return { key: 'actualStart', message: `有竣工时间 ${completion}，但没有实际开工时间：请补填开工时间` };

  const dated: StageClaim | null = completion ? 'completed' : start ? 'started' : null;
  if (text) {
    const quoted = `“${text.text}”`;
    if (text.claim === 'withdrawn') return { claim: 'withdrawn', evidence: 'stageText', stated: true, detail: `${quoted}：退出`, warning: null };
    if (dated && CLAIM_RANK[text.claim] < CLAIM_RANK[dated])
      return { key: text.key, message: `${quoted}与${dated === 'completed' ? `竣工时间 ${completion}` : `实际开工时间 ${start}`}矛盾` };
    if (dated === 'completed' || (dated === 'started' && CLAIM_RANK[text.claim] === 2 && text.claim !== 'halted'))
      return byDate(dated, start, completion, `，与${quoted}一致`);
    if (dated === 'started' && text.claim === 'halted')
      return { claim: 'halted', evidence: 'stageText', stated: true, detail: `${quoted}：开工（${start}）后停工`, warning: null };
    if (text.claim === 'completed' && !completion) return { key: text.key, message: `${quoted}表示已竣工，但没有竣工时间：请补填竣工时间` };
    if (CLAIM_RANK[text.claim] === 2 && !knownStart) return { key: text.key, message: `${quoted}表示已开工，但没有实际开工时间：请补填开工时间` };
    return { claim: text.claim, evidence: 'stageText', stated: true, detail: `${quoted}：${CLAIM_WORDS[text.claim]}`, warning: null };
  }
  if (dated) return byDate(dated, start, completion, '');

  const category = row.category ?? null;
  if (category) {
    const source = category.from === 'sheetName' ? `工作表“${category.text}”` : `项目类别“${category.text}”`;
    if (category.claim === 'reserve') return { claim: 'reserve', evidence: category.from, stated: false, detail: `${source}：储备`, warning: null };
    const warning =
      category.claim === 'implementation' && !knownStart
        ? '实施类清单上的项目，但台账没有实际开工时间：按准备阶段导入；已开工的请补填实际开工时间'
        : null;
    return { claim: 'preparation', evidence: category.from, stated: false, detail: `${source}（${CATEGORY_CLAIM_WORDS[category.claim]}清单）：准备`, warning };
  }
  return { claim: 'reserve', evidence: 'none', stated: false, detail: '台账没有阶段、日期或清单类别：新项目为储备，已有项目保持原阶段', warning: null };
}

function byDate(claim: 'started' | 'completed', start: string | null, completion: string | null, agreement: string): StageDecision {
  return claim === 'completed'
    ? { claim, evidence: 'completionDate', stated: false, detail: `竣工时间 ${completion}${agreement}`, warning: null }
    : { claim, evidence: 'startDate', stated: false, detail: `实际开工时间 ${start}${agreement}`, warning: null };
}

export function isConflict(decision: StageDecision | EvidenceConflict): decision is EvidenceConflict {
  return 'key' in decision;
}

/** The detail when a project's recorded stage outranks the row's derived evidence (never moved back). */
export function keptDetail(stage: Stage, decision: StageDecision): string {
  return `系统中已为“${STAGE_LABELS[stage]}”：台账的证据（${decision.detail}）不使阶段回退`;
}
