import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DemoLead } from '../../seeds/demo-2024-attraction.js';
import { ChainFilingsService, Lead, LeadEngine, LeadFundsService, LeadsService } from '../attraction/index.js';
import { WriteQueue } from '../database/index.js';
import { ALL } from '../access/index.js';

/**
 * DEMO ONLY (illustrative, seeds/demo-2024-attraction.ts): 2024's 招商 — leads recorded, signed,
 * landed and terminated, their 到位资金, the chains' Q1–Q3 indicators and 差异化指标 notes — each
 * through the same services and engine as the API, recorded at its own backdated instant.
 * Loaded once, into a database without leads.
 */
@Injectable()
export class AttractionSeeder {
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
    for (const lead of DEMO_LEADS) await this.writes.run((manager) => this.seedLead(manager, lead, actor));
    await this.writes.run(async (manager) => {
      for (const filing of DEMO_INDICATORS)
        await this.filings.fileIndicatorsIn(manager, filing.chain, 2024, filing.quarter, filing.values, actor, ALL, filing.at);
      for (const note of DEMO_CHAIN_NOTES) await this.filings.putNoteIn(manager, note.chain, 2024, { status: note.status, note: note.note }, actor, ALL, note.at);
    });
    return DEMO_LEADS.length;
  }

  /** One lead's steps in the order they were recorded. */
  private async seedLead(manager: EntityManager, demo: DemoLead, actor: string): Promise<void> {
    const id = await this.leads.createIn(
      manager,
      { name: demo.name, investor: demo.investor, origin: demo.origin, chain: demo.chain, region: demo.region, intendedInvestment: demo.intendedWan, contact: null },
      actor,
      ALL,
      demo.recordedAt,
    );
    const steps: { at: string; run: () => Promise<unknown> }[] = [];
    if (demo.sign) {
      const { date, amountWan, agreementNo, at } = demo.sign;
      steps.push({ at, run: () => this.engine.applyIn(manager, id, { type: 'SIGN', amount: amountWan, date, agreementNo }, { actor, recordedAt: at }) });
    }
    if (demo.land) {
      const { date, at, project } = demo.land;
      steps.push({ at, run: () => this.engine.applyIn(manager, id, { type: 'LAND', date, project }, { actor, recordedAt: at }) });
    }
    for (const fund of demo.funds) steps.push({ at: fund.at, run: () => this.funds.fileIn(manager, id, fund.month, { amount: fund.amountWan }, actor, ALL, fund.at) });
    if (demo.terminate) {
      const { reason, at } = demo.terminate;
      steps.push({ at, run: () => this.engine.applyIn(manager, id, { type: 'TERMINATE', reason }, { actor, recordedAt: at }) });
    }
    for (const step of steps.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) await step.run();
  }
}
