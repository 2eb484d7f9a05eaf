import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DemoChainNote, DemoIndicatorFiling, DemoLead } from '../../seeds/demo-2024-attraction.js';
import { indicatorsOf } from '../../seeds/demo-2024-attraction.js';
import { carriedFundsOf, leads2024Q4, leadsOfYear, notesOf, type DemoFund } from '../../seeds/demo-attraction-years.js';
import { happenedBy, type DemoToday } from '../../seeds/demo-steps.js';
import { ChainFilingsService, Lead, LeadEngine, LeadFundsService, LeadsService } from '../attraction/index.js';
import { WriteQueue } from '../database/index.js';
import { ALL } from '../access/index.js';

/**
 * DEMO ONLY (illustrative): 招商 — leads recorded, signed, landed and terminated, their 到位资金, the
 * chains' quarterly indicators and 差异化指标 notes — each through the same services and engine as the
 * API, recorded at its own backdated instant. 2024 as of early November (seeds/demo-2024-attraction.ts),
 * then the rest of 2024 and each later year (seeds/demo-attraction-years.ts) as far as they have
 * happened by the day the demo is loaded. Loaded once, into a database without leads.
 */
@Injectable()
export class AttractionSeeder {
  /** The 2024 set's leads by key, for the 到位资金 they receive later. */
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly leads: LeadsService,
    private readonly engine: LeadEngine,
    private readonly funds: LeadFundsService,
    private readonly filings: ChainFilingsService,
  ) {}

  async seedDemo2024(actor: string): Promise<number> {
    if ((await this.dataSource.getRepository(Lead).count()) > 0) return 0;
    const { DEMO_LEADS, DEMO_INDICATORS, DEMO_CHAIN_NOTES } = await import('../../seeds/demo-2024-attraction.js');
    const always: DemoToday = { now: '9999-12-31T00:00:00.000Z', lastMonth: '9999-11' };
    await this.seedLeads(DEMO_LEADS, actor, always);
    await this.seedFilings(2024, DEMO_INDICATORS, DEMO_CHAIN_NOTES, actor, always);
    return DEMO_LEADS.length;
  }

  /** November–December 2024: new deals, 到位资金 on the deals signed before, the chains' Q4 indicators. */
  async seed2024Rest(actor: string, today: DemoToday): Promise<void> {
    const { leads, funds } = leads2024Q4();
    await this.seedLeads(leads, actor, today);
    await this.seedFunds(funds, actor, today);
    await this.seedFilings(2024, indicatorsOf(2024, [4]), [], actor, today);
  }

  /** A year after 2024: its leads, their 到位资金 (and the year's on last year's deals), its indicators and notes. */
  async seedYear(year: number, actor: string, today: DemoToday): Promise<void> {
    await this.seedLeads(leadsOfYear(year), actor, today);
    await this.seedFunds(carriedFundsOf(year), actor, today);
    await this.seedFilings(year, indicatorsOf(year, [1, 2, 3, 4]), notesOf(year), actor, today);
  }

  /** 到位资金 on leads seeded before (by key), each month's once it is filed or the month is over. */
  private async seedFunds(funds: DemoFund[], actor: string, today: DemoToday): Promise<void> {
    await this.writes.run(async (manager) => {
      for (const fund of [...funds].sort((a, b) => a.at.localeCompare(b.at) || a.lead.localeCompare(b.lead))) {
        const at = happenedBy(today, fund.at, fund.month);
        const id = this.ids.get(fund.lead);
        if (at !== null && id !== undefined) await this.funds.fileIn(manager, id, fund.month, { amount: fund.amountWan }, actor, ALL, at);
      }
    });
  }

  private async seedFilings(year: number, indicators: DemoIndicatorFiling[], notes: DemoChainNote[], actor: string, today: DemoToday): Promise<void> {
    await this.writes.run(async (manager) => {
      for (const filing of indicators)
        if (happenedBy(today, filing.at) !== null) await this.filings.fileIndicatorsIn(manager, filing.chain, year, filing.quarter, filing.values, actor, ALL, filing.at);
      for (const note of notes)
        if (happenedBy(today, note.at) !== null) await this.filings.putNoteIn(manager, note.chain, year, { status: note.status, note: note.note }, actor, ALL, note.at);
    });
  }

  /** Leads one after the other, in one transaction. */
  private seedLeads(leads: DemoLead[], actor: string, today: DemoToday): Promise<void> {
    return this.writes.run(async (manager) => {
      for (const lead of leads) await this.seedLead(manager, lead, actor, today);
    });
  }

  /** One lead's steps in the order they were recorded, as far as they have happened by `today`. */
  private async seedLead(manager: EntityManager, demo: DemoLead, actor: string, today: DemoToday): Promise<void> {
    if (happenedBy(today, demo.recordedAt) === null) return;
    const id = await this.leads.createIn(
      manager,
      { name: demo.name, investor: demo.investor, origin: demo.origin, chain: demo.chain, region: demo.region, intendedInvestment: demo.intendedWan, contact: null },
      actor,
      ALL,
      demo.recordedAt,
    );
    this.ids.set(demo.key, id);
    const steps: { at: string; month?: string; run: (at: string) => Promise<unknown> }[] = [];
    if (demo.sign) {
      const { date, amountWan, agreementNo, at } = demo.sign;
      steps.push({ at, run: (when) => this.engine.applyIn(manager, id, { type: 'SIGN', amount: amountWan, date, agreementNo }, { actor, recordedAt: when }) });
    }
    if (demo.land) {
      const { date, at, project } = demo.land;
      steps.push({ at, run: (when) => this.engine.applyIn(manager, id, { type: 'LAND', date, project }, { actor, recordedAt: when }) });
    }
    for (const fund of demo.funds)
      steps.push({ at: fund.at, month: fund.month, run: (when) => this.funds.fileIn(manager, id, fund.month, { amount: fund.amountWan }, actor, ALL, when) });
    if (demo.terminate) {
      const { reason, at } = demo.terminate;
      steps.push({ at, run: (when) => this.engine.applyIn(manager, id, { type: 'TERMINATE', reason }, { actor, recordedAt: when }) });
    }
    for (const step of steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
      // A month's 到位资金 is pulled in once the month is over; anything else waits for its day.
      const when = happenedBy(today, step.at, step.month);
      if (when !== null) await step.run(when);
    }
  }
}
