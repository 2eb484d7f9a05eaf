import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALL } from '../access/index.js';
import { DashboardService, type RedListItem } from '../board/index.js';
import { RED_LIST_LABELS } from '../board/labels.js';
import { BulletinsService } from '../bulletins/index.js';
import { ApiError, monthNumberOf, yearOf } from '../common/index.js';
import { APPROVAL_LABELS } from '../lifecycle/labels.js';
import { ResponsibilityReader } from '../people/index.js';
import { ApprovalsService } from '../project-records/index.js';
import { DepartmentsService, ReferenceService } from '../reference/index.js';
import { REQUEST_KIND_LABELS } from '../reference/labels.js';
import { ReportsService } from '../reports/index.js';
import { RequestsService } from '../requests/index.js';
import { commitmentNotice, daysBetween, noticeKey, reportNotices, type NoticeKind, type NoticeRecipient } from '../rules/index.js';
import type { NoticeSettings } from './notice-settings.js';
import { bulletinText, commitmentText, redListText, reportMissingText, requestOverdueText, type NoticeText } from './templates.js';

/** Who a notice goes to, as units and people (resolved to users and channels when it is stored). */
export interface Audience {
  regions: string[];
  departments: string[];
  chains: string[];
  city: boolean;
  persons: number[];
  /** A bulletin: every county; every leader user. */
  allRegions?: boolean;
  allLeaders?: boolean;
}

export interface Candidate extends NoticeText {
  key: string;
  kind: NoticeKind;
  audience: Audience;
}

/** The subject's units, for the recipients a setting names. */
interface Subject {
  region?: string | null;
  department?: string | null;
  chain?: string | null;
  persons?: number[];
}

function audienceOf(recipients: readonly NoticeRecipient[], s: Subject, extra: Partial<Audience> = {}): Audience {
  const has = (r: NoticeRecipient) => recipients.includes(r);
  return {
    regions: has('county') && s.region ? [s.region] : [],
    departments: has('department') && s.department ? [s.department] : [],
    chains: has('chain') && s.chain ? [s.chain] : [],
    city: has('city'),
    persons: has('responsible') ? (s.persons ?? []) : [],
    ...extra,
  };
}

/** How far back a published bulletin is still announced (a first run does not announce years of them). */
const BULLETIN_DAYS = 7;

/**
 * What the rules say on `today` (docs/notifications.md "Rules"), read from the owners' services
 * and decided by src/rules/notices.ts: one candidate per key. Storing them (once per key) is the
 * NotificationsService's.
 */
@Injectable()
export class NoticeCandidates {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly requests: RequestsService,
    private readonly approvals: ApprovalsService,
    private readonly board: DashboardService,
    private readonly bulletins: BulletinsService,
    private readonly responsibility: ResponsibilityReader,
    private readonly reference: ReferenceService,
    private readonly departments: DepartmentsService,
  ) {}

  async evaluate(today: string, settings: NoticeSettings): Promise<Candidate[]> {
    const regionNames = new Map((await this.reference.regions()).map((r) => [r.code, r.name]));
    const departmentNames = new Map((await this.departments.list()).map((d) => [d.code, d.name]));
    const regionName = (code: string | null | undefined) => (code ? (regionNames.get(code) ?? code) : '市直');
    const rule = settings.rules;
    const out: Candidate[] = [];

    if (rule['report-missing'].enabled) {
      const window = { dueDay: rule['report-missing'].dueDay ?? 5, reminderWorkingDays: rule['report-missing'].reminderWorkingDays ?? 3 };
      for (const notice of reportNotices(today, window)) {
        const missing = await this.reports.missing(notice.month, ALL);
        for (const region of missing.regions) {
          if (!region.code) continue;
          const text = reportMissingText({ ...notice, regionName: regionName(region.code), projects: region.projects.map((p) => p.name) });
          out.push({ key: noticeKey('report-missing', `${notice.stage}:${region.code}`, notice.month), kind: 'report-missing', ...text, audience: audienceOf(rule['report-missing'].recipients, { region: region.code }) });
        }
      }
    }

    if (rule['request-overdue'].enabled) {
      for (let page = 1; ; page += 1) {
        const overdue = await this.requests.list({ overdue: true, page, pageSize: 500 }, ALL, undefined, today);
        for (const r of overdue.items) {
          if (!r.due) continue;
          const escalated = r.status === 'escalated';
          const text = requestOverdueText({
            requestId: r.id,
            projectId: r.projectId,
            subject: r.subject,
            regionName: regionName(r.region),
            kindLabel: REQUEST_KIND_LABELS[r.kind],
            departmentName: r.departmentName,
            escalated,
            due: r.due,
            daysOverdue: daysBetween(r.due, today),
          });
          // An escalated request is the city office's too, whatever the setting names.
          const audience = audienceOf(rule['request-overdue'].recipients, { region: r.region, department: r.department, chain: r.chain }, escalated ? { city: true } : {});
          out.push({ key: noticeKey('request-overdue', `${r.id}:${r.status}`, r.due), kind: 'request-overdue', ...text, audience });
        }
        if (page * overdue.pageSize >= overdue.total) break;
      }
    }

    if (rule['commitment-due'].enabled || rule['commitment-lapsed'].enabled) {
      const within = rule['commitment-due'].withinDays ?? 7;
      for (const c of await this.approvals.openCommitments(this.dataSource.manager)) {
        const kind = commitmentNotice(c.commitmentDate, today, within);
        if (!kind || !rule[kind].enabled) continue;
        const text = commitmentText(kind, {
          projectId: c.projectId,
          projectName: c.projectName,
          regionName: regionName(c.region),
          approvalLabel: APPROVAL_LABELS[c.approval],
          departmentName: c.department ? (departmentNames.get(c.department) ?? c.department) : null,
          commitmentDate: c.commitmentDate,
          daysLeft: daysBetween(today, c.commitmentDate),
        });
        out.push({ key: noticeKey(kind, `${c.projectId}:${c.approval}`, c.commitmentDate), kind, ...text, audience: audienceOf(rule[kind].recipients, { region: c.region, department: c.department, chain: c.chain }) });
      }
    }

    if (rule['start-overdue'].enabled || rule['red-list'].enabled) {
      const year = yearOf(today);
      const month = monthNumberOf(today);
      const redList = await this.redList(year, month);
      const people = await this.responsibility.peopleOf([...new Set(redList.map((item) => item.projectId))]);
      for (const item of redList) {
        // 逾期未开工 has its own kind; 容缺逾期 is told as commitment-lapsed; the rest are "new on the red list".
        const kind: NoticeKind | null = item.kind === 'overdueStart' ? 'start-overdue' : item.kind === 'conditionalOverdue' ? null : 'red-list';
        if (!kind || !rule[kind].enabled) continue;
        const p = people.get(item.projectId);
        const persons = [p?.cityLeaderId, p?.countyLeaderId, p?.commissionerId].filter((id): id is number => typeof id === 'number');
        const names = [item.responsible?.cityLeader, item.responsible?.countyLeader, item.responsible?.commissioner].filter(Boolean).join('、');
        const text = redListText(kind, { projectId: item.projectId, projectName: item.name, regionName: regionName(item.region), kindLabel: RED_LIST_LABELS[item.kind], reason: item.reason, responsible: names || null });
        out.push({ key: noticeKey(kind, `${item.projectId}:${item.kind}`, String(year)), kind, ...text, audience: audienceOf(rule[kind].recipients, { region: item.region, persons }) });
      }
    }

    if (rule['bulletin-published'].enabled) {
      for (const b of await this.bulletins.list()) {
        const age = daysBetween(b.publishedAt.slice(0, 10), today);
        if (age < 0 || age > BULLETIN_DAYS) continue;
        const text = bulletinText({ year: b.year, month: b.month, fileName: `聊城市制造业重点项目月通报-${b.year}年${b.month}月.docx` });
        const recipients = rule['bulletin-published'].recipients;
        const audience: Audience = { regions: [], departments: [], chains: [], city: recipients.includes('city'), persons: [], allRegions: recipients.includes('county'), allLeaders: recipients.includes('responsible') };
        out.push({ key: noticeKey('bulletin-published', `${b.year}-${String(b.month).padStart(2, '0')}`, 'published'), kind: 'bulletin-published', ...text, audience });
      }
    }
    return out;
  }

  /** The board's red list of the month; none for a year without a plan (its board is a 404). */
  private async redList(year: number, month: number): Promise<RedListItem[]> {
    try {
      return (await this.board.board(year, month)).redList;
    } catch (error) {
      if (error instanceof ApiError && error.getStatus() === 404) return [];
      throw error;
    }
  }
}
