import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALL } from '../access/index.js';
import { Clock, periodParams } from '../common/index.js';
import { int, sql } from '../database/index.js';
import type { RequestView } from './request.types.js';
import { RequestsService } from './requests.service.js';

/** One problem taken to the 市政府常务会 in the month, as its paper sets it out (docs/domain/requests.md "常务会"). */
export interface AgendaItem {
  request: RequestView;
  /** The day it was taken up (its latest 提交常务会 in the month). */
  escalatedOn: string;
  /** 议题: as given, else “关于<subject><kind>问题”. */
  topic: string | null;
  /** 存在问题: the reason given when it was taken up. */
  problem: string;
  /** 部门意见 and 建议, as given (null when none was). */
  opinion: string | null;
  proposal: string | null;
  /** What the 常务会 decided, once recorded after it was taken up: 议定事项, 责任单位, 时限. */
  decision: { decision: string; responsibleUnit: string; deadline: string; decidedOn: string } | null;
  /** The steps before it was taken up, in words for 基本情况 (e.g. 2024-08-22 受理研判). */
  steps: { event: string; date: string }[];
}

export interface Agenda {
  month: string;
  asOf: string;
  items: AgendaItem[];
}

/** The 常务会 paper's content: the problems taken to the 市政府常务会 in a month (as recorded now), with what was decided on each. */
@Injectable()
export class RequestAgendaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly requests: RequestsService,
  ) {}

  async agenda(month: string): Promise<Agenda> {
    const asOf = this.clock.nowIso();
    const { monthStart, monthEnd } = periodParams(month);
    const rows = await sql(
      this.dataSource,
      `SELECT t.request_id, MAX(t.id) AS step_id FROM factor_request_transition t
        WHERE t.event = 'ESCALATE' AND t.effective_date >= :monthStart AND t.effective_date <= :monthEnd AND t.recorded_at <= :asOf
        GROUP BY t.request_id ORDER BY MIN(t.effective_date), MIN(t.id)`,
      { monthStart, monthEnd, asOf },
    );
    const items: AgendaItem[] = [];
    for (const row of rows) {
      const detail = await this.requests.findOne(int(row.request_id), ALL, asOf);
      const stepId = int(row.step_id);
      const escalation = detail.transitions.find((t) => t.id === stepId)!;
      const decided = detail.transitions.find((t) => t.id > stepId && t.event === 'DECIDE');
      const { transitions: _steps, disbursements: _funds, ...request } = detail;
      items.push({
        request,
        escalatedOn: escalation.effectiveDate,
        topic: escalation.topic,
        problem: escalation.reason ?? '',
        opinion: escalation.opinion,
        proposal: escalation.proposal,
        decision: decided ? { decision: decided.decision ?? '', responsibleUnit: decided.responsibleUnit ?? '', deadline: decided.promisedDate ?? '', decidedOn: decided.effectiveDate } : null,
        steps: detail.transitions.filter((t) => t.id < stepId).map((t) => ({ event: t.event, date: t.effectiveDate })),
      });
    }
    return { month, asOf, items };
  }
}
