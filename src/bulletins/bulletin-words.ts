import type { PublishedCommentary } from './commentary.types.js';

/**
 * The words of a published bulletin as every copy prints them (docs/domain/bulletin-commentary.md
 * "In the copies"): 总体情况 first, after the figures 表扬, 存在问题 and 下步工作 with their items
 * numbered （一）（二）…, and, once corrected, a note naming the correction and the revision first
 * published. Plain text here; the .docx, the .xlsx and the printed board lay it out.
 */
export interface WordsSection {
  title: string;
  paragraphs: string[];
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/** （一）… for each item. */
function numbered(items: string[]): string[] {
  return items.map((item, i) => `（${chineseNumeral(i + 1)}）${item}`);
}

/** 总体情况, the section before the figures. */
export function overviewSection(words: PublishedCommentary): WordsSection {
  return { title: '总体情况', paragraphs: [words.overview] };
}

/** 表扬, 存在问题, 下步工作: the sections after the figures (a part with no items is left out). */
export function closingSections(words: PublishedCommentary): WordsSection[] {
  return [
    { title: '表扬', paragraphs: numbered(words.praise) },
    { title: '存在问题', paragraphs: numbered(words.problems) },
    { title: '下步工作', paragraphs: numbered(words.nextSteps) },
  ].filter((section) => section.paragraphs.length > 0);
}

/** 更正说明 once the words were corrected after publication: each correction with its reason, and the revision first published. */
export function correctionNote(words: PublishedCommentary, dateOf: (instant: string) => string): string | null {
  if (words.corrections.length === 0) return null;
  const each = words.corrections.map((c) => `${dateOf(c.recordedAt)}更正（第${c.revision}版，原因：${c.reason ?? '未说明'}）`).join('；');
  return `更正说明：本通报文字于${each}；发布时的文字为第${words.publishedRevision}版，存档备查。`;
}
