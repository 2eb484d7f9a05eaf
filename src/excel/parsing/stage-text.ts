import type { ListCategory } from '../../lists/list-entry.entity.js';
import type { Stage } from '../../lifecycle/stages.js';
import type { Parsed } from './money.js';

/**
 * What a ledger's 当前阶段/进展 cell says about the stage. 已开工 (started) fits a project
 * under construction whether active or halted; 在建 says active.
 */
export type StageClaim = 'reserve' | 'preparation' | 'started' | 'active' | 'halted' | 'completed' | 'withdrawn';

/** The words the ledger export writes, one per stage (and the import reads back). */
export const STAGE_WORDS: Record<Stage, string> = {
  reserve: '储备',
  preparation: '准备',
  'implementation.active': '在建',
  'implementation.halted': '停工',
  completed: '竣工',
  withdrawn: '退出',
};

export const CATEGORY_WORDS: Record<ListCategory, string> = { implementation: '实施类', preparation: '准备类' };

// Negations first (未开工 is not 开工), then the stronger words.
const STAGE_PATTERNS: [RegExp, StageClaim][] = [
  [/退出|调出|撤出|终止|取消/, 'withdrawn'],
  [/未开工|未动工|拟开工|待开工|尚未开工/, 'preparation'],
  [/停工|停建|缓建/, 'halted'],
  [/未竣工|未完工/, 'started'],
  [/竣工|完工|投产|建成/, 'completed'],
  [/在建|施工中|建设中|续建|施工/, 'active'],
  [/开工|实施|动工/, 'started'],
  [/准备|前期/, 'preparation'],
  [/储备|谋划/, 'reserve'],
];

export function parseStage(text: string): Parsed<StageClaim> {
  const compact = text.replace(/\s+/g, '');
  for (const [pattern, claim] of STAGE_PATTERNS) if (pattern.test(compact)) return { ok: true, value: claim };
  return { ok: false, message: `无法识别的阶段“${text}”：可填 储备、准备、已开工/在建、停工、竣工、退出` };
}

export function parseCategory(text: string): Parsed<ListCategory> {
  if (/实施/.test(text)) return { ok: true, value: 'implementation' };
  if (/准备/.test(text)) return { ok: true, value: 'preparation' };
  return { ok: false, message: `无法识别的项目类别“${text}”：可填 实施类 或 准备类` };
}

/** 一、实施类项目（100个） → implementation; a section row that names no list → null. */
export function categoryOfSection(text: string | null): ListCategory | null {
  if (!text) return null;
  if (/实施类/.test(text)) return 'implementation';
  if (/准备类/.test(text)) return 'preparation';
  return null;
}
