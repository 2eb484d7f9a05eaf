import { APPROVAL_KEYS, APPROVAL_LABELS, type ApprovalKey } from '../../lifecycle/index.js';

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
  | 'progress'
  | 'cityLeader'
  | 'countyLeader'
  | 'commissioner'
  | 'contact'
  | 'contactPhone'
  | 'milestones'
  | ApprovalColumn;

export type ReportKey = 'seq' | 'code' | 'name' | 'region' | 'amount' | 'progress' | 'problems';

type Rule<K> = [K, RegExp, RegExp?];

const CODE: RegExp = /^(项目)?(编码|编号|代码)/;
const NAME: RegExp = /^(项目)?名称$|^项目$/;

const LEDGER_RULES: Rule<LedgerKey>[] = [
  ['seq', /^(序号|序)$/],
  ['code', CODE],
  ['name', NAME],
  // Who answers for the project (docs/domain/responsibility.md): before 县 is read as the place.
  ['countyLeader', /县.*包联|包联.*县/],
  ['cityLeader', /包联/],
  ['commissioner', /专员/],
  ['contactPhone', /联系.*(电话|方式)|电话|手机/],
  ['contact', /联系人/],
  // 节点计划 (docs/excel-import.md "Milestones in the ledger"): before 开工/竣工 are read as dates.
  ['milestones', /节点|里程碑/],
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
  ['stage', /阶段|状态/],
  ['progress', /进展|进度/, /投资|完成率/],
];

const REPORT_RULES: Rule<ReportKey>[] = [
  ['seq', /^(序号|序)$/],
  ['code', CODE],
  ['name', NAME],
  ['amount', /(本月|当月|月度|本期).*投资|^完成投资/, /累计|年度|总/],
  ['progress', /形象进度|工程进度|建设进度|进展|进度/, /投资|完成率/],
  ['problems', /问题|需求|困难|要素/],
  ['region', /县|区域|所在地|属地/, /单位/],
];

const APPROVAL_WORDS: Record<ApprovalKey, readonly string[]> = {
  filing: ['立项', '备案', '核准', '立项备案'],
  land: ['用地', '土地', '用地手续'],
  planning: ['规划', '规划许可', '工程规划许可'],
  environment: ['环评', '环评批复', '环境影响评价'],
  energy: ['能评', '节能审查', '节能评估'],
  construction: ['施工许可', '施工许可证'],
};

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

/**
 * What each field is called, for the column-mapping editor, and the words offices use for it:
 * a header the rules above do not know is proposed the field whose words it resembles most
 * (mapping/propose.ts). The label comes first.
 */
export interface FieldWords {
  label: string;
  words: readonly string[];
}

export const LEDGER_FIELDS: Record<LedgerKey, FieldWords> = {
  seq: { label: '序号', words: ['序号', '编号序号'] },
  code: { label: '项目编码', words: ['项目编码', '项目代码', '项目编号', '编码', '入库编码'] },
  name: { label: '项目名称', words: ['项目名称', '名称', '项目', '工程名称', '项目全称'] },
  owner: { label: '建设单位', words: ['建设单位', '项目单位', '业主单位', '项目业主', '业主', '建设主体', '实施主体', '企业名称', '承建企业', '责任企业', '投资企业'] },
  region: { label: '县（市、区）', words: ['县市区', '县区', '所在县区', '属地', '区域', '所在地', '地区', '县别'] },
  chain: { label: '产业链', words: ['产业链', '所属产业链', '链条', '所属行业', '行业', '产业'] },
  total: { label: '总投资', words: ['总投资', '计划总投资', '项目总投资', '投资总额', '投资额', '总投资额'] },
  planned: { label: '年度计划投资', words: ['年度计划投资', '年计划投资', '本年计划投资', '计划投资', '年度投资计划'] },
  plannedStart: { label: '计划开工时间', words: ['计划开工时间', '预计开工时间', '拟开工时间', '计划开工', '预计开建'] },
  actualStart: { label: '实际开工时间', words: ['实际开工时间', '开工时间', '开工日期', '开建日期', '动工时间'] },
  plannedCompletion: { label: '计划竣工时间', words: ['计划竣工时间', '预计竣工时间', '计划投产时间', '预计投产时间', '计划完工时间'] },
  actualCompletion: { label: '竣工时间', words: ['竣工时间', '实际竣工时间', '投产时间', '建成时间', '完工日期'] },
  content: { label: '建设内容', words: ['建设内容', '建设规模及内容', '主要建设内容', '项目概况', '建设规模'] },
  category: { label: '项目类别', words: ['项目类别', '类别', '清单类别', '项目类型'] },
  stage: { label: '当前阶段', words: ['当前阶段', '阶段', '项目状态', '所处阶段'] },
  progress: { label: '形象进度（当前进展）', words: ['形象进度', '当前进展', '工程进度', '建设进展', '进展情况', '目前进展'] },
  cityLeader: { label: '市级包联领导', words: ['市级包联领导', '包联领导', '包联市领导', '市包联领导'] },
  countyLeader: { label: '县级包联领导', words: ['县级包联领导', '县区包联领导', '包联县领导'] },
  commissioner: { label: '服务专员', words: ['服务专员', '助企远航服务专员', '土地服务专员', '专员'] },
  contact: { label: '项目联系人', words: ['项目联系人', '联系人', '企业联系人'] },
  contactPhone: { label: '联系电话', words: ['联系电话', '联系方式', '电话', '手机'] },
  milestones: { label: '节点计划', words: ['节点计划', '节点', '关键节点', '项目节点', '节点安排', '里程碑'] },
  ...(Object.fromEntries(
    APPROVAL_KEYS.map((key) => [`approval.${key}`, { label: `前期手续：${APPROVAL_LABELS[key]}`, words: [APPROVAL_LABELS[key].replace(/（.*）/, ''), ...APPROVAL_WORDS[key]] }]),
  ) as unknown as Record<ApprovalColumn, FieldWords>),
};

export const REPORT_FIELDS: Record<ReportKey, FieldWords> = {
  seq: LEDGER_FIELDS.seq,
  code: LEDGER_FIELDS.code,
  name: LEDGER_FIELDS.name,
  region: LEDGER_FIELDS.region,
  amount: { label: '本月完成投资', words: ['本月完成投资', '当月完成投资', '月度完成投资', '本期完成投资', '完成投资', '本月投资'] },
  progress: LEDGER_FIELDS.progress,
  problems: { label: '存在问题及要素需求', words: ['存在问题', '要素需求', '存在问题及要素需求', '困难问题', '需协调事项'] },
};
