// @ts-check
// The published 月通报 of the month shown: its audit checkpoint in the footer (on screen and in
// print, so a printed board names the checkpoint its bulletin carries), its words (总体情况, 表扬,
// 存在问题, 下步工作: printed after the board, not shown on the wall) and the Word download.
import { api, download } from '/shared/api.js';
import { $, $of, h } from '/shared/dom.js';
import { localDate } from '/shared/format.js';
import { showBanner } from './notices.js';

/** @typedef {import('/shared/types.js').BulletinSummary} BulletinSummary */
/** @typedef {import('/shared/types.js').CommentaryView} CommentaryView */

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** @type {{ year: number, month: number } | null} */
let shown = null;

/** Wires the Word download button (the bulletin of the month shown). */
export function initBulletin() {
  $('#bulletin-docx').addEventListener('click', () => {
    if (!shown) return;
    const { year, month } = shown;
    download(`/api/exports/bulletins/${year}/${month}.docx`, `聊城市制造业重点项目月通报-${year}年${month}月.docx`).catch((error) => {
      showBanner(`下载月通报失败：${error instanceof Error ? error.message : String(error)}`);
    });
  });
}

/** Shows whether the month has a published bulletin and, if so, its checkpoint; enables the download. */
export async function renderBulletin(/** @type {number} */ year, /** @type {number} */ month) {
  /** @type {BulletinSummary[]} */
  const published = await api('/api/bulletins');
  const bulletin = published.find((b) => b.year === year && b.month === month);
  shown = bulletin ? { year, month } : null;
  const button = $of(HTMLButtonElement, '#bulletin-docx');
  button.disabled = !bulletin;
  button.title = bulletin ? `下载 ${year}年${month}月通报（Word）` : `${year}年${month}月通报尚未发布`;
  const line = $('[data-testid="bulletin-checkpoint"]');
  line.hidden = !bulletin;
  line.textContent = bulletin
    ? `${year}年${month}月通报已发布（通报 SHA-256 ${bulletin.hash}）${bulletin.checkpoint ? `；审计检查点：第 ${bulletin.checkpoint.seq} 条，哈希 ${bulletin.checkpoint.hash}` : ''}`
    : '';
  /** @type {CommentaryView | null} */
  const words = bulletin ? await api(`/api/bulletins/${year}/${month}/commentary`) : null;
  renderWords(year, month, words);
}

/** The words as published (and corrected since), in the order of the Word copy; nothing for a month without them. */
function renderWords(/** @type {number} */ year, /** @type {number} */ month, /** @type {CommentaryView | null} */ view) {
  const section = $('[data-testid="bulletin-words"]');
  const words = view?.current;
  section.hidden = !words;
  if (!view || !words) {
    section.replaceChildren();
    return;
  }
  const parts = [
    { title: '总体情况', paragraphs: [words.overview] },
    { title: '表扬', paragraphs: words.praise },
    { title: '存在问题', paragraphs: words.problems },
    { title: '下步工作', paragraphs: words.nextSteps },
  ].filter((part) => part.paragraphs.length);
  const corrections = view.revisions.filter((r) => view.publishedRevision !== null && r.revision > view.publishedRevision);
  const note = corrections.length
    ? h('p', { class: 'words-note' }, `更正说明：本通报文字于${corrections.map((c) => `${localDate(c.recordedAt)}更正（第${c.revision}版，原因：${c.reason ?? '未说明'}）`).join('；')}；发布时的文字为第${view.publishedRevision}版，存档备查。`)
    : '';
  section.replaceChildren(
    h('h2', null, `${year}年1—${month}月全市制造业重点项目推进情况通报`),
    ...parts.map((part, i) =>
      h('div', { class: 'words-part' },
        h('h3', null, `${NUMERALS[i]}、${part.title}`),
        part.paragraphs.map((text, n) => h('p', null, part.title === '总体情况' ? text : `（${NUMERALS[n] ?? n + 1}）${text}`)))),
    note,
  );
}
