import { monthLabel } from '../common/period.js';
import type { NoticeKind } from '../rules/index.js';

/**
 * The Chinese text of each kind of notice (docs/notifications.md "Kinds"): a title, a body with
 * the figures, and the link to the thing (a path in the app). Pure: facts in, text out.
 */
export interface NoticeText {
  title: string;
  body: string;
  link: string;
}

export interface ReportMissingFacts {
  stage: 'reminder' | 'missing';
  month: string;
  dueDate: string;
  regionName: string;
  projects: string[];
}

export interface RequestOverdueFacts {
  requestId: number;
  /** The project it is about; null for a problem about an enterprise or a chain. */
  projectId: number | null;
  /** What it is about, in words (the project's name, else the enterprise's or the chain's). */
  subject: string;
  regionName: string;
  kindLabel: string;
  departmentName: string;
  escalated: boolean;
  due: string;
  daysOverdue: number;
}

export interface CommitmentFacts {
  projectId: number;
  projectName: string;
  regionName: string;
  approvalLabel: string;
  departmentName: string | null;
  commitmentDate: string;
  /** Days left (≥ 0) or days past (< 0). */
  daysLeft: number;
}

export interface RedListFacts {
  projectId: number;
  projectName: string;
  regionName: string;
  kindLabel: string;
  reason: string;
  responsible: string | null;
}

export interface BulletinFacts {
  year: number;
  month: number;
  fileName: string;
}

const MORE = 10;
const names = (projects: string[]) =>
  projects.slice(0, MORE).join('、') + (projects.length > MORE ? ` 等 ${projects.length} 个` : '');

export function reportMissingText(f: ReportMissingFacts): NoticeText {
  const month = monthLabel(f.month);
  const link = `/workbench/report.html?month=${f.month}`;
  if (f.stage === 'reminder')
    return {
      title: `${f.regionName}：${month}月报将于 ${f.dueDate} 截止，尚有 ${f.projects.length} 个项目未报`,
      body: `${month}月调度数据须在 ${f.dueDate} 前填报。${f.regionName}尚未填报的项目 ${f.projects.length} 个：${names(f.projects)}。`,
      link,
    };
  return {
    title: `${f.regionName}：${month}月报缺报 ${f.projects.length} 个项目`,
    body: `${month}月调度数据已于 ${f.dueDate} 截止，${f.regionName}仍有 ${f.projects.length} 个项目未报：${names(f.projects)}。请尽快补报。`,
    link,
  };
}

export function requestOverdueText(f: RequestOverdueFacts): NoticeText {
  return {
    title: `要素保障逾期 ${f.daysOverdue} 天：${f.subject}（${f.kindLabel}）`,
    body:
      `${f.regionName}「${f.subject}」的${f.kindLabel}需求由${f.departmentName}办理，应于 ${f.due} 前${f.escalated ? '办结（已提请市级协调）' : '处理'}，已逾期 ${f.daysOverdue} 天。`,
    link: `/workbench/requests.html?request=${f.requestId}`,
  };
}

export function commitmentText(kind: 'commitment-due' | 'commitment-lapsed', f: CommitmentFacts): NoticeText {
  const who = f.departmentName ? `（${f.departmentName}受理）` : '';
  if (kind === 'commitment-due')
    return {
      title: `容缺承诺 ${f.daysLeft === 0 ? '今日' : `${f.daysLeft} 天后`}到期：${f.projectName}（${f.approvalLabel}）`,
      body: `${f.regionName}「${f.projectName}」的${f.approvalLabel}为容缺受理${who}，承诺 ${f.commitmentDate} 前补齐手续，还剩 ${f.daysLeft} 天。`,
      link: `/workbench/project.html?id=${f.projectId}`,
    };
  return {
    title: `容缺承诺已逾期 ${-f.daysLeft} 天：${f.projectName}（${f.approvalLabel}）`,
    body: `${f.regionName}「${f.projectName}」的${f.approvalLabel}为容缺受理${who}，承诺 ${f.commitmentDate} 前补齐手续，已逾期 ${-f.daysLeft} 天。`,
    link: `/workbench/project.html?id=${f.projectId}`,
  };
}

export function redListText(kind: 'start-overdue' | 'red-list', f: RedListFacts): NoticeText {
  const people = f.responsible ? `包联责任：${f.responsible}。` : '';
  return {
    title: kind === 'start-overdue' ? `逾期未开工：${f.projectName}` : `新上预警清单（${f.kindLabel}）：${f.projectName}`,
    body: `${f.regionName}「${f.projectName}」${f.reason}。${people}`,
    link: `/workbench/project.html?id=${f.projectId}`,
  };
}

export function bulletinText(f: BulletinFacts): NoticeText {
  return {
    title: `${f.year}年${f.month}月通报已发布`,
    body: `聊城市制造业重点项目${f.year}年${f.month}月通报已发布，Word 文件：${f.fileName}。`,
    link: `/api/bulletins/${f.year}/${f.month}.docx`,
  };
}

/** Text for one channel message: one notice, or a digest of several (the day's, in order). */
export function messageOf(notices: readonly (NoticeText & { kind: NoticeKind })[], baseUrl: string | undefined): { title: string; markdown: string; text: string } {
  const href = (link: string) => (baseUrl ? `${baseUrl.replace(/\/$/, '')}${link}` : link);
  if (notices.length === 1) {
    const [n] = notices;
    return { title: n.title, markdown: `### ${n.title}\n${n.body}\n[查看详情](${href(n.link)})`, text: `${n.title}\n${n.body}\n${href(n.link)}` };
  }
  const title = `重点项目提醒汇总（${notices.length} 条）`;
  return {
    title,
    markdown: `### ${title}\n${notices.map((n, i) => `${i + 1}. [${n.title}](${href(n.link)})`).join('\n')}`,
    text: `${title}\n${notices.map((n, i) => `${i + 1}. ${n.title}\n   ${n.body}\n   ${href(n.link)}`).join('\n')}`,
  };
}
