import type { ApprovalKey } from '../../lifecycle/stages.js';

/**
 * The columns the imports recognise, by their Chinese headers and the common variants
 * offices use. Labels are matched after normalisation (no spaces, （）→ (), units kept);
 * the first rule that matches wins, so the more specific come first.
 */
export type ApprovalColumn = `approval.${ApprovalKey}`;
export type LedgerKey =
  | 'seq'
  | 'code'
  | 'name'
  | 'owner'
  | 'region'
  | 'chain'
  | 'total'
  | 'planned'
  | 'plannedStart'
  | 'actualStart'
  | 'plannedCompletion'
  | 'actualCompletion'
  | 'content'
  | 'category'
  | 'stage'
  | ApprovalColumn;

export type ReportKey = 'seq' | 'code' | 'name' | 'region' | 'amount' | 'progress' | 'problems';

type Rule<K> = [K, RegExp, RegExp?];

const CODE: RegExp = /^(项目)?(编码|编号|代码)/;
const NAME: RegExp = /^(项目)?名称$|^项目$/;

const LEDGER_RULES: Rule<LedgerKey>[] = [
  ['seq', /^(序号|序)$/],
  ['code', CODE],
  ['name', NAME],
  ['plannedStart', /计划开工|预计开工|开工.*(计划|预计)/],
  ['actualStart', /开工/],
  ['plannedCompletion', /(计划|预计)(竣工|完工|投产)|(竣工|完工).*(计划|预计)/],
  ['actualCompletion', /竣工|完工/],
  ['approval.construction', /施工许可/],
  ['approval.filing', /立项|备案|核准/],
  ['approval.land', /用地|土地/],
  ['approval.planning', /规划/],
  ['approval.environment', /环评|环境影响/],
  ['approval.energy', /节能|能评/],
  ['total', /总投资/],
  ['planned', /(年度|年|计划).*投资|投资.*计划/, /完成|累计/],
  ['owner', /(建设|项目|业主|实施|投资)(单位|主体)|企业名称|建设企业/],
  ['region', /县|区域|所在地|属地/, /单位/],
  ['chain', /产业链|链条|所属链/],
  ['content', /建设内容|建设规模|主要内容|项目内容|项目概况/],
  ['category', /类别|类型|分类/],
  ['stage', /阶段|进展|状态|进度/, /形象/],
];

const REPORT_RULES: Rule<ReportKey>[] = [
  ['seq', /^(序号|序)$/],
  ['code', CODE],
  ['name', NAME],
  ['amount', /(本月|当月|月度|本期).*投资|^完成投资/, /累计|年度|总/],
  ['progress', /形象进度|工程进度|建设进度|进展情况|进度/],
  ['problems', /问题|需求|困难|要素/],
  ['region', /县|区域|所在地|属地/, /单位/],
];

function recogniser<K>(rules: Rule<K>[]): (label: string) => K | null {
  return (label) => {
    if (!label) return null;
    for (const [key, pattern, unless] of rules) if (pattern.test(label) && !(unless && unless.test(label))) return key;
    return null;
  };
}

export const recogniseLedgerColumn = recogniser(LEDGER_RULES);
export const recogniseReportColumn = recogniser(REPORT_RULES);

export const MONEY_KEYS: readonly string[] = ['total', 'planned', 'amount'];
export const DATE_KEYS: readonly string[] = [
  'plannedStart',
  'actualStart',
  'plannedCompletion',
  'actualCompletion',
  'approval.filing',
  'approval.land',
  'approval.planning',
  'approval.environment',
  'approval.energy',
  'approval.construction',
];
