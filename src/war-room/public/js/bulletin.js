// @ts-check
// The published 月通报 of the month shown: its audit checkpoint in the footer (on screen and in
// print, so a printed board names the checkpoint its bulletin carries) and the Word download.
import { api, download } from '/shared/api.js';
import { $, $of } from '/shared/dom.js';
import { showBanner } from './notices.js';

/** @typedef {import('/shared/types.js').BulletinSummary} BulletinSummary */

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
}
