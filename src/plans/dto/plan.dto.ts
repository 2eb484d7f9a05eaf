import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsText, IsWan } from '../../common/index.js';

/** A whole number within bounds (a count or a percent). */
function Count(min: number, max: number, optional = true): PropertyDecorator {
  return (target, key) => {
    if (optional) IsOptional()(target, key);
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: `${String(key)} 必须是数字` })(target, key);
    IsInt({ message: `${String(key)} 必须是整数` })(target, key);
    Min(min, { message: `${String(key)} 不能小于 ${min}` })(target, key);
    Max(max, { message: `${String(key)} 不能大于 ${max}` })(target, key);
  };
}

function Wan(optional = true): PropertyDecorator {
  return (target, key) => {
    if (optional) IsOptional()(target, key);
    IsWan()(target, key);
  };
}

/** One chain's row of a year plan: the appendix columns (money 万元; rates whole percent). */
export class ChainPlanDto {
  @ApiProperty({ description: '产业链代码，如 green-chemical' })
  @IsDefined({ message: '缺少产业链代码 code' })
  @IsString()
  @MaxLength(32)
  code: string;

  @ApiPropertyOptional({ description: '实施强链延链补链重点项目（个）' }) @Count(0, 10_000) projects?: number;
  @ApiPropertyOptional({ description: '完成投资（万元）' }) @Wan() investmentWan?: number;
  @ApiPropertyOptional({ description: '签约项目合同金额（万元）' }) @Wan() signedWan?: number;
  @ApiPropertyOptional({ description: '招商引资到位资金（万元）' }) @Wan() fundedWan?: number;
  @ApiPropertyOptional({ type: Number, description: '规上企业营业收入增幅（%）', nullable: true }) @Count(-100, 1000) revenueGrowthPct?: number | null;
  @ApiPropertyOptional({ type: Number, description: '规上企业增加值增幅（%）', nullable: true }) @Count(-100, 1000) valueAddedGrowthPct?: number | null;
  @ApiPropertyOptional({ type: 'integer', description: '新增规上企业（家）', nullable: true }) @Count(0, 100_000) newAboveScale?: number | null;
  @ApiPropertyOptional({ type: 'integer', description: '新增省级以上优质企业（家）', nullable: true }) @Count(0, 100_000) newQuality?: number | null;
  @ApiPropertyOptional({ type: 'integer', description: '新增高新技术企业（家）', nullable: true }) @Count(0, 100_000) newHighTech?: number | null;
  @ApiPropertyOptional({ type: 'integer', description: '新增建有市级以上创新平台企业（家）', nullable: true }) @Count(0, 100_000) newInnovationPlatforms?: number | null;
  @ApiPropertyOptional({ type: Number, description: '贷款余额增幅（%）', nullable: true }) @Count(-100, 1000) loanGrowthPct?: number | null;
  @ApiPropertyOptional({ type: 'integer', description: '差异化指标：签约过亿元项目（个）', nullable: true }) @Count(0, 100_000) signedOver100mTarget?: number | null;
  @ApiPropertyOptional({ type: 'integer', description: '差异化指标：签约项目落地（个）', nullable: true }) @Count(0, 100_000) landedTarget?: number | null;
  @ApiPropertyOptional({ type: 'integer', description: '差异化指标：招引投资过一定规模的项目（个）', nullable: true }) @Count(0, 100_000) attractedOverTarget?: number | null;
  @ApiPropertyOptional({ type: 'integer', description: '差异化指标：招引项目的投资规模下限（万元）', nullable: true }) @Wan() attractedOverThresholdWan?: number | null;

  @ApiPropertyOptional({ type: String, description: '差异化指标（文字）', nullable: true })
  @IsOptional()
  @IsText(2000)
  differentiated?: string | null;

  @ApiPropertyOptional({ description: '本年须引进至少1个50亿元以上项目' })
  @IsOptional()
  @IsBoolean({ message: 'bigProjectRequired 必须是 true 或 false' })
  bigProjectRequired?: boolean;
}

/** A place's rules in a year plan. */
export class PlaceRuleDto {
  @ApiProperty({ description: '县（市、区）统计用区划代码' })
  @IsDefined({ message: '缺少区划代码 code' })
  @IsString()
  @MaxLength(12)
  code: string;

  @ApiPropertyOptional({ description: '须谋划至少1个大项目' })
  @IsOptional()
  @IsBoolean({ message: 'bigProjectRequired 必须是 true 或 false' })
  bigProjectRequired?: boolean;

  @ApiPropertyOptional({ type: 'integer', description: '10亿元以上项目数下限', nullable: true }) @Count(0, 10_000) overKeyMin?: number | null;
  @ApiPropertyOptional({ type: 'integer', description: '10亿元以上项目数上限', nullable: true }) @Count(0, 10_000) overKeyMax?: number | null;
  @ApiPropertyOptional({ type: 'integer', description: '50亿元以上项目数下限', nullable: true }) @Count(0, 10_000) overBigMin?: number | null;
  @ApiPropertyOptional({ type: 'integer', description: '50亿元以上项目数上限', nullable: true }) @Count(0, 10_000) overBigMax?: number | null;
}

/** The city part of a plan; in a PATCH every field is optional. */
export class CityPlanFields {
  @ApiPropertyOptional({ description: '实施类清单项目数（2024: 100）' }) @Count(0, 100_000) implementationListSize?: number;
  @ApiPropertyOptional({ description: '实施类年度完成投资目标（万元；165亿 = 1650000）' }) @Wan() implementationInvestmentWan?: number;
  @ApiPropertyOptional({ description: '准备类清单项目数（2024: 30）' }) @Count(0, 100_000) preparationListSize?: number;
  @ApiPropertyOptional({ description: '准备类年底开工率目标（%）' }) @Count(0, 100) startRateTargetPct?: number;
  @ApiPropertyOptional({ description: '大项目门槛（万元；50亿 = 500000）' }) @Wan() bigProjectThresholdWan?: number;
  @ApiPropertyOptional({ description: '全市谋划大项目个数目标（2024: 10）' }) @Count(0, 10_000) bigProjectCityTarget?: number;
  @ApiPropertyOptional({ description: '重点项目门槛（万元；10亿 = 100000）' }) @Wan() keyProjectThresholdWan?: number;
  @ApiPropertyOptional({ description: '重点项目个数（2024: 22）' }) @Count(0, 10_000) keyProjectCount?: number;
  @ApiPropertyOptional({ description: '重点项目年度完成投资目标（万元；75亿 = 750000）' }) @Wan() keyProjectInvestmentWan?: number;
  @ApiPropertyOptional({ description: '蓝：完成率 ≥ 此百分比' }) @Count(1, 1000) ratingBluePct?: number;
  @ApiPropertyOptional({ description: '黄：完成率 ≥ 此百分比且低于蓝线' }) @Count(0, 1000) ratingYellowPct?: number;
  @ApiPropertyOptional({ description: '招商引资签约目标（万元；900亿 = 9000000）' }) @Wan() attractionSignedWan?: number;
  @ApiPropertyOptional({ description: '招商引资到位资金目标（万元）' }) @Wan() attractionFundedWan?: number;

  @ApiPropertyOptional({ description: '允许容缺受理开工（默认 true；false 即本年度计划限制容缺受理开工）' })
  @IsOptional()
  @IsBoolean({ message: 'conditionalApprovalsAllowed 必须是 true 或 false' })
  conditionalApprovalsAllowed?: boolean;

  @ApiPropertyOptional({ type: [ChainPlanDto], description: '产业链目标（附件通用指标与差异化指标）' })
  @IsOptional()
  @IsArray({ message: 'chains 必须是数组' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ChainPlanDto)
  chains?: ChainPlanDto[];

  @ApiPropertyOptional({ type: [PlaceRuleDto], description: '县（市、区）规则' })
  @IsOptional()
  @IsArray({ message: 'places 必须是数组' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlaceRuleDto)
  places?: PlaceRuleDto[];
}

/** `POST /api/targets/:year`: a whole plan, or `{ copyFrom }` to start from another year's. */
export class CreatePlanDto extends CityPlanFields {
  @ApiPropertyOptional({ description: '复制哪一年的年度计划（其余字段覆盖复制来的值）' })
  @Count(2000, 2100)
  copyFrom?: number;
}

/** `PATCH /api/targets/:year`: any subset; `reason` is required once the plan is published. */
export class PatchPlanDto extends CityPlanFields {
  @ApiPropertyOptional({ description: '调整原因（计划发布后必填）' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}

/** `POST /api/targets/:year/rollover`: the entries of next year's lists, edited from the proposal. */
export class RolloverEntryDto {
  @ApiProperty() @Count(1, 2_147_483_647, false) projectId: number;

  @ApiProperty({ enum: ['implementation', 'preparation'] })
  @IsDefined({ message: '缺少清单类别 category' })
  @IsIn(['implementation', 'preparation'], { message: 'category 必须是 implementation 或 preparation' })
  category: 'implementation' | 'preparation';

  @ApiProperty({ description: '年度计划投资（万元）' }) @Wan(false) plannedInvestment: number;

  @ApiPropertyOptional({ description: '倒排工期 12 个月（万元）', type: [Number] })
  @IsOptional()
  @IsArray()
  @IsWan({ each: true })
  monthlyPlan?: number[] | null;

  @ApiPropertyOptional({ description: '列为市级重点项目' })
  @IsOptional()
  @IsBoolean()
  keyProject?: boolean;
}

export class ApplyRolloverDto {
  @ApiProperty({ type: [RolloverEntryDto] })
  @IsDefined({ message: '缺少 entries' })
  @IsArray({ message: 'entries 必须是数组' })
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => RolloverEntryDto)
  entries: RolloverEntryDto[];

  @ApiPropertyOptional({ description: '原因（下一年计划已发布时必填）' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}
