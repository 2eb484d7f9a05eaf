/**
 * The illustrative 2025 plan's 差异化指标 (ILLUSTRATIVE, NOT OFFICIAL; the rest of the 2025 plan is
 * copied from 2024's and filled in from the rollover: src/seeding/demo-years.seeder.ts). Each chain's
 * text for 2025, with no "争取2024年" left from the copy; where a text names a quantity the leads and
 * projects give, the plan row carries its count (docs/domain/attraction.md "差异化指标 counted"); the
 * others are followed by the chain team's status and note. Later years copy these.
 */
import type { ChainPlanSeed } from './reference-data.js';

type Words = Pick<ChainPlanSeed, 'chain' | 'differentiated' | 'signedOver100mTarget' | 'landedTarget' | 'attractedOverTarget' | 'attractedOverThresholdWan'>;
const text = (chain: string, differentiated: string, counts: Partial<Words> = {}): Words => ({
  chain,
  differentiated,
  signedOver100mTarget: null,
  landedTarget: null,
  attractedOverTarget: null,
  attractedOverThresholdWan: null,
  ...counts,
});

export const PLAN_2025_DIFFERENTIATED: Words[] = [
  text('ferrous', '签约至少 10 个过亿元招商引资项目，举办 2 次产业专题活动。', { signedOver100mTarget: 10 }),
  text('equipment', '新增省级以上质量品牌企业 5 家。'),
  text('nonferrous', '招引投资过 30 亿元项目 1 个以上；铜铝精深加工营收占有色金属产业链营收比重提高 2 个百分点。', { attractedOverTarget: 1, attractedOverThresholdWan: 300_000 }),
  text('auto-parts', '聊城市低碳智能车辆技术及应用现代产业学院为聊城培养汽车及零部件产业技能人才 100 人以上；20 家以上重点汽车及零部件企业配备科技副总。'),
  text('new-energy', '推动陆上风电项目年底前建成并网。'),
  text('new-it', '计算机、通信和其他电子设备制造业营业收入增速达到 7%。'),
  text('light-textile', '泉林纸业产能利用率达到 80%左右。'),
  text('building-materials', '新开工装配式建筑占新建建筑比例市辖区不低于 50%、县（市）不低于 40%。'),
  text('health', '推动签约项目落地 10 个以上；培育阿胶产业集群，争取纳入山东省医养健康特色产业集群。', { landedTarget: 10 }),
  text('green-chemical', '化工园区及监控点营业收入占规上化工企业 78%以上。'),
  text('bearings', '加快推进轴承“产业大脑”项目建设，搭建产业大脑应用场景，加快推动轴承产业提级跃升。'),
  text('agri-food', '新创建市级以上农业产业化重点龙头企业 30 家。'),
];
