import { AlignmentType, Document, Packer, Paragraph, type Table } from 'docx';
import type { Agenda, AgendaItem } from '../requests/index.js';
import { kindText, quantityWithUnit } from '../requests/index.js';
import { REQUEST_CHANNEL_LABELS, REQUEST_EVENT_LABELS, REQUEST_STATUS_LABELS } from '../requests/labels.js';
import { ISSUING_OFFICE } from './bulletin-format.js';
import { body, chineseDate, para, run, table, type DocumentCalendar } from './bulletin-document.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };

/** 一 … 十, then 11, 12 …: the paper numbers its topics in Chinese as far as ten. */
const numeral = (index: number) => NUMERALS[index] ?? String(index + 1);

/**
 * The one template every topic of the paper follows (docs/domain/requests.md "常务会"): its
 * 议题 as the heading, then these parts in this order; the 常务会's decision is recorded back on
 * the problem and printed as the last part once it is.
 */
export const AGENDA_PARTS = ['基本情况', '存在问题', '部门意见', '建议', '议定事项'] as const;

/** 议题: as given when it was taken up, else 关于<subject><kind>问题. */
export function topicOf(item: AgendaItem): string {
  return item.topic ?? `关于${item.request.subject}${kindText(item.request)}问题`;
}

function situation(item: AgendaItem): string {
  const r = item.request;
  const place = [r.regionName, r.chainName ? `${r.chainName}产业链` : null].filter(Boolean).join('，');
  const asked = quantityWithUnit(r.quantity, r.unit);
  const contact = r.enterprise?.contact ? `，企业联系人${r.enterprise.contact}${r.enterprise.phone ? `（${r.enterprise.phone}）` : ''}` : '';
  const steps = item.steps.filter((s) => s.event !== 'RAISE').map((s) => `${s.date}${REQUEST_EVENT_LABELS[s.event as keyof typeof REQUEST_EVENT_LABELS] ?? s.event}`);
  return (
    `${r.subject}${place ? `（${place}）` : ''}经${REQUEST_CHANNEL_LABELS[r.channel]}渠道于${r.raisedOn}提出${kindText(r)}需求${asked ? `${asked}` : ''}：${r.description}。` +
    `承办部门：${r.departmentName}${contact}。${steps.length ? `办理经过：${steps.join('，')}；` : ''}${item.escalatedOn}提交市政府常务会。当前状态：${REQUEST_STATUS_LABELS[r.status]}。`
  );
}

function topic(item: AgendaItem, index: number): (Paragraph | Table)[] {
  const heading = (n: number) => para([run(`（${NUMERALS[n]}）${AGENDA_PARTS[n]}`, { font: HEADING_FONT })], { before: 120, after: 60 });
  const decision = item.decision
    ? [
        table(['议定事项', '责任单位', '时限', '议定日期'], [[item.decision.decision, item.decision.responsibleUnit, item.decision.deadline, item.decision.decidedOn]]),
      ]
    : [body('待市政府常务会议定。')];
  return [
    para([run(`议题${numeral(index)}：${topicOf(item)}`, { font: HEADING_FONT, bold: true })], { before: 360, after: 120 }),
    heading(0),
    body(situation(item)),
    heading(1),
    body(item.problem),
    heading(2),
    body(item.opinion ?? '（承办部门未提出意见）'),
    heading(3),
    body(item.proposal ?? '（未提出建议）'),
    heading(4),
    ...decision,
  ];
}

/**
 * 提请市政府常务会研究的企业问题 (000 §四(五): 共性问题、难点堵点问题和涉及重大政策、"一事一议"等重大问题
 * 及时提交市政府常务会研究): the problems taken up in a month, each under the one template above,
 * then a table of the decisions to track. Built from the problems as recorded when it is asked for.
 */
export async function agendaDocument(agenda: Agenda, calendar: DocumentCalendar): Promise<Buffer> {
  const [year, month] = agenda.month.split('-').map(Number);
  const children: (Paragraph | Table)[] = [
    para([run(`${year}年${month}月提请市政府常务会研究的企业问题`, { size: 44, bold: true, font: TITLE_FONT })], { align: AlignmentType.CENTER, after: 240 }),
    para([run(`${ISSUING_OFFICE}\u3000${chineseDate(calendar.dateOf(agenda.asOf))}`)], { align: AlignmentType.CENTER, after: 360 }),
    body(
      agenda.items.length
        ? `${year}年${month}月提交市政府常务会研究的企业问题共${agenda.items.length}个，逐一报告如下（数据截至${calendar.wallClock(agenda.asOf)}，${calendar.zoneLabel}）。`
        : `${year}年${month}月没有提交市政府常务会研究的企业问题。`,
    ),
  ];
  agenda.items.forEach((item, index) => children.push(...topic(item, index)));
  if (agenda.items.length) {
    children.push(para([run('附：议定事项跟踪表', { font: HEADING_FONT })], { before: 360, after: 120 }));
    children.push(
      table(
        ['序号', '议题', '议定事项', '责任单位', '时限', '状态'],
        agenda.items.map((item, index) => [
          index + 1,
          topicOf(item),
          item.decision?.decision ?? '待议定',
          item.decision?.responsibleUnit ?? '',
          item.decision?.deadline ?? '',
          REQUEST_STATUS_LABELS[item.request.status],
        ]),
      ),
    );
  }
  const document = new Document({
    creator: ISSUING_OFFICE,
    title: `${year}年${month}月提请市政府常务会研究的企业问题`,
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } }, children }],
  });
  return Buffer.from(await Packer.toBuffer(document));
}
