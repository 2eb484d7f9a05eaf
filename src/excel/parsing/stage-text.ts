import type { ListCategory } from '../../plans/index.js';
import type { Stage } from '../../lifecycle/index.js';
import { fold } from './cells.js';
import type { Parsed } from './money.js';

/**
 * What a ledger cell says about the stage. 已开工 (started) fits a project under construction
 * whether active or halted; 在建 says active.
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

export const CLAIM_WORDS: Record<StageClaim, string> = { reserve: '储备', preparation: '准备', started: '已开工', active: '在建', halted: '停工', completed: '竣工', withdrawn: '退出' };

export const CATEGORY_WORDS: Record<ListCategory, string> = { implementation: '实施类', preparation: '准备类' };

/**
 * The texts that name a stage, as a whole cell (docs/excel-import.md "Stage from evidence"). Everything else,
 * 主体施工, 设备安装调试, 试生产, 土地摘牌, 环评公示, 手续办理, 前期工作, 未开工 …, is progress text
 * (形象进度): it describes the work, and the stage then follows from the dates and the list.
 * A word is matched after folding (full-width, spaces), with 已/正在/处于/目前 before it and
 * 阶段/状态/中 after it left out (已竣工投产, 处于准备阶段, 停工中).
 */
const STAGE_NAMES: Record<StageClaim, readonly string[]> = {
  reserve: ['储备', '谋划', '谋划储备', '储备项目'],
  preparation: ['准备', '前期', '前期准备', '准备项目'],
  started: ['开工', '开工建设', '动工', '实施'],
  active: ['在建', '施工', '建设', '复工', '开工在建'],
  halted: ['停工', '停建', '缓建', '暂停建设', '暂停施工'],
  completed: ['竣工', '完工', '投产', '建成', '竣工投产', '建成投产', '完工投产', '全面投产', '竣工验收'],
  withdrawn: ['退出', '调出', '调出项目库', '终止', '取消', '撤销'],
};

const BY_NAME = new Map(Object.entries(STAGE_NAMES).flatMap(([claim, names]) => names.map((name) => [name, claim as StageClaim])));

/** The stage a text names, or null when it is progress text (or names no stage unambiguously). */
export function stageNamed(text: string): StageClaim | null {
  const core = fold(text)
    .replace(/[。.;；,，!！]+$/u, '')
    .replace(/^(已经|已|正在|处于|目前|现已|现)/u, '')
    .replace(/(阶段|状态|中)$/u, '');
  return BY_NAME.get(core) ?? null;
}

/** What a 项目类别 cell, a section row or a sheet name says: a year list, or 储备 (no list). */
export type CategoryClaim = ListCategory | 'reserve';

export function categoryNamed(text: string): CategoryClaim | null {
  const folded = fold(text);
  if (/实施/u.test(folded)) return 'implementation';
  if (/准备/u.test(folded)) return 'preparation';
  if (/储备/u.test(folded)) return 'reserve';
  return null;
}

export function parseCategory(text: string): Parsed<CategoryClaim> {
  const category = categoryNamed(text);
  return category ? { ok: true, value: category } : { ok: false, message: `无法识别的项目类别“${text}”：可填 实施类、准备类 或 储备` };
}

export const CATEGORY_CLAIM_WORDS: Record<CategoryClaim, string> = { ...CATEGORY_WORDS, reserve: '储备' };
