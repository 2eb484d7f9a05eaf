import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { badRequest, Clock, conflict, type ErrorDetail, notFound, unprocessable } from '../common/index.js';
import { int, readTogether, sql, WriteQueue } from '../database/index.js';
import { ListsService } from './lists.service.js';
import { ReferenceService, Region } from '../reference/index.js';
import { frozenChangeFailures, publishFailures } from '../rules/index.js';
import { ChainTarget } from './chain-target.entity.js';
import type { ChainPlanDto, CityPlanFields, CreatePlanDto, PatchPlanDto, PlaceRuleDto } from './dto/plan.dto.js';
import { adjustmentsOf, recordAdjustment } from './plan-adjustments.js';
import type { CityTargets, PlanView } from './plan.types.js';
import { INDICATOR_KEYS } from './labels.js';
import { PlaceRule } from './place-rule.entity.js';
import { YearTarget, type PlanStatus } from './year-target.entity.js';

/** The city part of a plan: every field of year_target but the year and publication. */
export const CITY_FIELDS = [
  'implementationListSize',
  'implementationInvestmentWan',
  'preparationListSize',
  'startRateTargetPct',
  'bigProjectThresholdWan',
  'bigProjectCityTarget',
  'keyProjectThresholdWan',
  'keyProjectCount',
  'keyProjectInvestmentWan',
  'ratingBluePct',
  'ratingYellowPct',
  'attractionSignedWan',
  'attractionFundedWan',
  'conditionalApprovalsAllowed',
] as const;
export type { CityTargets, PlanView, RolloverEntry, RolloverProposal } from './plan.types.js';

const CHAIN_FIELDS = [
  'projects',
  'investmentWan',
  'signedWan',
  'fundedWan',
  ...INDICATOR_KEYS,
  'signedOver100mTarget',
  'landedTarget',
  'attractedOverTarget',
  'attractedOverThresholdWan',
  'differentiated',
  'bigProjectRequired',
] as const;
type ChainField = (typeof CHAIN_FIELDS)[number];

const PLACE_FIELDS = ['bigProjectRequired', 'overKeyMin', 'overKeyMax', 'overBigMin', 'overBigMax'] as const;
type PlaceField = (typeof PLACE_FIELDS)[number];

/** A plan as seed data or a request body: the city part, and the rows given for chains and places. */
export interface PlanInput extends Partial<CityTargets> {
  chains?: (Partial<Pick<ChainTarget, ChainField>> & { code: string })[];
  places?: (Partial<Pick<PlaceRule, PlaceField>> & { code: string })[];
}

/**
 * Year plans (年度计划) as data: a plan is created from scratch or as a copy of another year's,
 * edited while a draft, and published; publishing freezes the plan and the year's lists
 * (rules/plan-freeze.ts). Also: the rollover proposal for next year's lists and its application.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly lists: ListsService,
    private readonly reference: ReferenceService,
  ) {}

  /** The city targets of a year; 404 when the year has no plan. */
  async yearTarget(year: number, manager: EntityManager = this.dataSource.manager): Promise<YearTarget> {
    const target = await manager.findOneBy(YearTarget, { year });
    if (!target)
      throw notFound(`${year} 年尚无年度计划`, [{ field: 'year', code: 'noPlan', message: `${year} 年尚无年度计划，请市链长办先建立年度计划` }]);
    return target;
  }

  /** Whether the year has a plan. */
  hasPlan(manager: EntityManager, year: number): Promise<boolean> {
    return manager.existsBy(YearTarget, { year });
  }

  /**
   * The years whose plan restricts a start on approvals accepted conditionally (容缺受理;
   * year_target.conditional_approvals_allowed false). Every other year allows it, a year without a plan included.
   */
  async conditionalRestrictedYears(manager: EntityManager = this.dataSource.manager): Promise<number[]> {
    const rows = await manager.find(YearTarget, { select: { year: true, conditionalApprovalsAllowed: true } });
    return rows.filter((row) => !row.conditionalApprovalsAllowed).map((row) => row.year);
  }

  /** Every year with a plan, newest first. */
  async years(): Promise<{ year: number; status: PlanStatus; publishedAt: string | null }[]> {
    const rows = await this.dataSource.getRepository(YearTarget).find({ order: { year: 'DESC' } });
    return rows.map(({ year, status, publishedAt }) => ({ year, status, publishedAt }));
  }

  async plan(year: number, manager: EntityManager = this.dataSource.manager): Promise<PlanView> {
    const target = await this.yearTarget(year, manager);
    const [chains, chainTargets, regions, rules, adjustments] = await readTogether(manager, [
      () => this.reference.chainRows(manager),
      () => manager.findBy(ChainTarget, { year }),
      () => this.reference.regionRows(manager),
      () => manager.findBy(PlaceRule, { year }),
      () => adjustmentsOf(manager, year),
    ]);
    return {
      year,
      status: target.status,
      publishedAt: target.publishedAt,
      publishedBy: target.publishedBy,
      ...pick(target, CITY_FIELDS),
      conditionalApprovalsAllowed: Boolean(target.conditionalApprovalsAllowed),
      chains: chains.map((chain) => {
        const row = chainTargets.find((t) => t.chainCode === chain.code) ?? emptyChainTarget(chain.code, year);
        return { code: chain.code, no: chain.no, name: chain.name, flagship: chain.flagship, leadUnit: chain.leadUnit, ...pick(row, CHAIN_FIELDS), bigProjectRequired: Boolean(row.bigProjectRequired) };
      }),
      places: regions.map((region) => {
        const rule = rules.find((r) => r.regionCode === region.code) ?? defaultPlaceRule(region, year);
        return { code: region.code, name: region.name, kind: region.kind, ...pick(rule, PLACE_FIELDS), bigProjectRequired: Boolean(rule.bigProjectRequired) };
      }),
      adjustments,
    };
  }

  create(year: number, dto: CreatePlanDto, actor: string): Promise<PlanView> {
    return this.writes.run(async (manager) => {
      await this.createIn(manager, year, dto, actor);
      return this.plan(year, manager);
    });
  }

  /** A new draft plan: `copyFrom` another year's (the body's fields override the copy), or the body alone. */
  async createIn(manager: EntityManager, year: number, dto: CreatePlanDto, actor: string, at = this.clock.nowIso()): Promise<void> {
    if (await manager.existsBy(YearTarget, { year }))
      throw conflict(`${year} 年年度计划已存在`, [{ field: 'year', code: 'planExists', message: `${year} 年年度计划已存在，请修改而不是新建` }]);
    const { copyFrom, ...fields } = dto;
    let input: PlanInput = fields;
    if (copyFrom !== undefined) {
      if (copyFrom === year) throw unprocessable('不能复制本年计划', [{ field: 'copyFrom', code: 'copySelf', message: 'copyFrom 不能是本年' }]);
      const source = await manager.findOneBy(YearTarget, { year: copyFrom });
      if (!source) throw unprocessable(`${copyFrom} 年没有年度计划可复制`, [{ field: 'copyFrom', code: 'noPlan', message: `${copyFrom} 年尚无年度计划` }]);
      const [chains, places] = await readTogether(manager, [() => manager.findBy(ChainTarget, { year: copyFrom }), () => manager.findBy(PlaceRule, { year: copyFrom })]);
      input = mergeInput(
        { ...pick(source, CITY_FIELDS), chains: chains.map((c) => ({ code: c.chainCode, ...pick(c, CHAIN_FIELDS) })), places: places.map((p) => ({ code: p.regionCode, ...pick(p, PLACE_FIELDS) })) },
        fields,
      );
    } else {
      const missing = CITY_FIELDS.filter((field) => field !== 'conditionalApprovalsAllowed' && fields[field] === undefined);
      if (missing.length)
        throw badRequest('新建年度计划需给出全部全市目标，或用 copyFrom 复制另一年', missing.map((field) => ({ field, code: 'isDefined', message: `缺少 ${field}` })));
    }
    const draft = await this.writePlan(manager, year, input);
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.target(year),
      action: 'create',
      after: { year, copyFrom: copyFrom ?? null, ...draft.city, chains: draft.chains, places: draft.places },
      at,
    });
  }

  /**
   * Inserts a draft plan after checking it: the one way a plan's rows are written, for
   * `createIn` (audited) and for the reference data shipped with the product (the 2024 plan).
   */
  async writePlan(manager: EntityManager, year: number, input: PlanInput) {
    const draft = await this.validated(manager, input);
    await manager.insert(YearTarget, { year, ...draft.city, status: 'draft', publishedAt: null, publishedBy: null });
    await this.writeRows(manager, year, draft);
    return draft;
  }

  update(year: number, dto: PatchPlanDto, actor: string): Promise<PlanView> {
    return this.writes.run(async (manager) => {
      const target = await this.yearTarget(year, manager);
      const { reason, ...fields } = dto;
      const current = await this.plan(year, manager);
      const before: PlanInput = { ...pick(current, CITY_FIELDS), chains: current.chains.map((c) => ({ code: c.code, ...pick(c, CHAIN_FIELDS) })), places: current.places.map((p) => ({ code: p.code, ...pick(p, PLACE_FIELDS) })) };
      const merged = await this.validated(manager, mergeInput(before, fields));
      const diff = differences(before, merged);
      if (!diff) return current;
      const failures = frozenChangeFailures(target.status, reason, year);
      if (failures.length) throw unprocessable(failures[0].message, failures);
      const at = this.clock.nowIso();
      await manager.update(YearTarget, { year }, merged.city);
      await this.writeRows(manager, year, merged);
      await this.changes.record(manager, { actor, subject: auditSubject.target(year), action: 'update', before: diff.before, after: diff.after, reason, at });
      if (target.status === 'published') await recordAdjustment(manager, { year, at, actor, kind: 'plan', action: 'update', before: diff.before, after: diff.after, reason: reason! });
      return this.plan(year, manager);
    });
  }

  publish(year: number, actor: string): Promise<PlanView> {
    return this.writes.run(async (manager) => {
      await this.publishIn(manager, year, actor);
      return this.plan(year, manager);
    });
  }

  /** Publishing: 422 naming every list whose size differs from the plan; 409 when already published. */
  async publishIn(manager: EntityManager, year: number, actor: string, at = this.clock.nowIso()): Promise<void> {
    const target = await this.yearTarget(year, manager);
    if (target.status === 'published')
      throw conflict(`${year} 年年度计划已于 ${target.publishedAt ?? '此前'} 发布`, [{ field: 'status', code: 'alreadyPublished', message: '年度计划已发布' }]);
    const [counts] = await sql(
      manager,
      `SELECT SUM(CASE WHEN category = 'implementation' THEN 1 ELSE 0 END) AS implementation,
              SUM(CASE WHEN category = 'preparation' THEN 1 ELSE 0 END) AS preparation
         FROM list_entry WHERE year = :year AND removed_at IS NULL`,
      { year },
    );
    const failures = publishFailures(target, { implementation: int(counts?.implementation), preparation: int(counts?.preparation) });
    if (failures.length) throw unprocessable(`${year} 年年度计划不能发布：${failures.map((f) => f.message).join('；')}`, failures);
    await manager.update(YearTarget, { year }, { status: 'published', publishedAt: at, publishedBy: actor });
    await this.changes.record(manager, { actor, subject: auditSubject.target(year), action: 'publish', before: { status: 'draft' }, after: { status: 'published', publishedAt: at }, at });
  }

  /** Checks a whole plan's values; 422 naming every inconsistency. */
  private async validated(manager: EntityManager, input: PlanInput): Promise<{ city: CityTargets; chains: NonNullable<PlanInput['chains']>; places: NonNullable<PlanInput['places']> }> {
    const failures: ErrorDetail[] = [];
    const city = { ...input } as CityTargets;
    delete (city as PlanInput).chains;
    delete (city as PlanInput).places;
    // Not said: allowed (容缺受理 is the standing rule; a plan restricts it by saying false).
    city.conditionalApprovalsAllowed = city.conditionalApprovalsAllowed ?? true;
    if (city.ratingYellowPct >= city.ratingBluePct)
      failures.push({ field: 'ratingYellowPct', code: 'yellowNotBelowBlue', message: '黄线百分比必须小于蓝线百分比' });
    if (city.keyProjectThresholdWan > city.bigProjectThresholdWan)
      failures.push({ field: 'keyProjectThresholdWan', code: 'keyAboveBig', message: '重点项目门槛不能高于大项目门槛' });
    const chainCodes = new Set((await this.reference.chainRows(manager)).map((c) => c.code));
    const regionCodes = new Set((await this.reference.regionRows(manager)).map((r) => r.code));
    for (const chain of input.chains ?? [])
      if (!chainCodes.has(chain.code)) failures.push({ field: 'chains.code', code: 'unknownChain', message: `未知的产业链：${chain.code}` });
    for (const place of input.places ?? []) {
      if (!regionCodes.has(place.code)) failures.push({ field: 'places.code', code: 'unknownRegion', message: `未知的县（市、区）：${place.code}` });
      for (const [min, max] of [['overKeyMin', 'overKeyMax'], ['overBigMin', 'overBigMax']] as const)
        if (place[min] !== null && place[min] !== undefined && place[max] !== null && place[max] !== undefined && place[min]! > place[max]!)
          failures.push({ field: `places.${min}`, code: 'minAboveMax', message: `${place.code}：${min} 不能大于 ${max}` });
    }
    if (failures.length) throw unprocessable('年度计划未通过校验', failures);
    return { city: pick(city, CITY_FIELDS), chains: input.chains ?? [], places: input.places ?? [] };
  }

  /** Chain and place rows of a plan: every chain and place gets a row (defaults for those not given). */
  private async writeRows(manager: EntityManager, year: number, plan: { chains: NonNullable<PlanInput['chains']>; places: NonNullable<PlanInput['places']> }): Promise<void> {
    const [chains, regions] = await readTogether(manager, [() => this.reference.chainRows(manager), () => this.reference.regionRows(manager)]);
    await manager.delete(ChainTarget, { year });
    await manager.delete(PlaceRule, { year });
    for (const chain of chains) {
      const given = plan.chains.find((c) => c.code === chain.code);
      await manager.insert(ChainTarget, { ...emptyChainTarget(chain.code, year), ...stripCode(given) });
    }
    for (const region of regions) {
      const given = plan.places.find((p) => p.code === region.code);
      await manager.insert(PlaceRule, { ...defaultPlaceRule(region, year), ...stripCode(given) });
    }
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;
}

function stripCode<T extends { code: string }>(row: T | undefined): Omit<T, 'code'> | object {
  if (!row) return {};
  const { code: _code, ...rest } = row;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
}

function emptyChainTarget(chainCode: string, year: number): ChainTarget {
  return Object.assign(new ChainTarget(), {
    chainCode,
    year,
    projects: 0,
    investmentWan: 0,
    signedWan: 0,
    fundedWan: 0,
    revenueGrowthPct: null,
    valueAddedGrowthPct: null,
    newAboveScale: null,
    newQuality: null,
    newHighTech: null,
    newInnovationPlatforms: null,
    loanGrowthPct: null,
    signedOver100mTarget: null,
    landedTarget: null,
    attractedOverTarget: null,
    attractedOverThresholdWan: null,
    differentiated: null,
    bigProjectRequired: true,
  });
}

/** A place without a rule of its own takes the region's standing flag (every county: yes). */
function defaultPlaceRule(region: Region, year: number): PlaceRule {
  return Object.assign(new PlaceRule(), {
    year,
    regionCode: region.code,
    bigProjectRequired: region.bigProjectRequired,
    overKeyMin: null,
    overKeyMax: null,
    overBigMin: null,
    overBigMax: null,
  });
}

/** `base` with `change` applied: city fields replaced, chain and place rows merged by code. */
function mergeInput(base: PlanInput, change: CityPlanFields): PlanInput {
  const merged: PlanInput = { ...base };
  for (const field of CITY_FIELDS) if (change[field] !== undefined) (merged as Record<string, unknown>)[field] = change[field];
  const mergeRows = <R extends { code: string }>(rows: R[] = [], changes: (ChainPlanDto | PlaceRuleDto)[] = []) => {
    const out = rows.map((row) => ({ ...row }));
    for (const given of changes) {
      const defined = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Partial<R>;
      const existing = out.find((row) => row.code === given.code);
      if (existing) Object.assign(existing, defined);
      else out.push({ ...(defined as R) });
    }
    return out;
  };
  merged.chains = mergeRows(base.chains, change.chains);
  merged.places = mergeRows(base.places, change.places);
  return merged;
}

/** The fields that differ between two plans, as before/after objects; null when none. */
function differences(before: PlanInput, after: { city: CityTargets; chains: NonNullable<PlanInput['chains']>; places: NonNullable<PlanInput['places']> }) {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const field of CITY_FIELDS)
    if (normal(before[field]) !== normal(after.city[field])) {
      was[field] = before[field];
      now[field] = after.city[field];
    }
  const rows = (name: 'chains' | 'places', fields: readonly string[]) => {
    for (const row of after[name]) {
      const old = (before[name] ?? []).find((r) => r.code === row.code) as Record<string, unknown> | undefined;
      for (const field of fields) {
        const value = (row as Record<string, unknown>)[field];
        if (value === undefined || normal(old?.[field]) === normal(value)) continue;
        was[`${name}.${row.code}.${field}`] = old?.[field] ?? null;
        now[`${name}.${row.code}.${field}`] = value;
      }
    }
  };
  rows('chains', CHAIN_FIELDS);
  rows('places', PLACE_FIELDS);
  return Object.keys(now).length ? { before: was, after: now } : null;
}

/** Booleans come back from SQLite as 0/1: compare them as booleans. */
function normal(value: unknown): string {
  if (value === true || value === 1) return 'true';
  if (value === false || value === 0) return 'false';
  return JSON.stringify(value ?? null);
}
