// @ts-check
// 蓝黄红 on the board: the colour chip, a manual override beside the computed colour (原:黄),
// and the colour classes of tiles and figures.
import { actorName } from '/shared/actors.js';
import { h } from '/shared/dom.js';
import { localDateTime } from '/shared/format.js';
import { RATING_LABELS } from '/shared/labels.js';

/** @typedef {import('/shared/types.js').Rated} Rated */
/** @typedef {import('/shared/types.js').Rating} Rating */

/** The word of a colour, or — when there is none. */
export function ratingWord(/** @type {Rating | null} */ rating) {
  return rating ? RATING_LABELS[rating] : '—';
}

/** The colour chip of a block: 蓝榜 / 黄榜 / 红榜, with the computed colour when overridden. */
export function ratingChip(/** @type {Rated} */ block) {
  const chip = h('span', { class: `chip rating-${block.rating || 'none'}`, title: overrideTitle(block) }, block.rating ? `${RATING_LABELS[block.rating]}榜` : '—');
  const original = block.computedRating ? originalMark(block, 'rating-original') : null;
  if (original) chip.append(original);
  return chip;
}

/** 原:黄, beside an overridden colour (nothing when the colour is the computed one). */
export function originalMark(/** @type {Rated} */ block, /** @type {string | null} */ testId = null) {
  if (!block.override || block.computedRating === block.rating) return null;
  return h('span', { class: 'orig', 'data-testid': testId }, `原:${ratingWord(block.computedRating)}`);
}

/** Who overrode the colour, when and why (for a title), or null when it is the computed colour. */
export function overrideTitle(/** @type {Rated} */ block) {
  const o = block.override;
  if (!o) return null;
  return `人工调整为${RATING_LABELS[o.rating]}（计算结果：${ratingWord(block.computedRating)}）\n原因：${o.reason}\n${actorName(o.actor)} · ${localDateTime(o.at)}`;
}

/** Gives an element the class of a colour (rating-blue … rating-none). */
export function setRatingClass(/** @type {Element} */ el, /** @type {Rating | null} */ rating) {
  el.classList.remove('rating-blue', 'rating-yellow', 'rating-red', 'rating-none');
  el.classList.add(`rating-${rating || 'none'}`);
}
