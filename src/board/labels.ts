/**
 * The words of the board (挂图作战): 蓝黄红, why a project is on the red list, the grouped warnings.
 * Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts gathers every
 * module's labels), so it imports nothing but plain modules.
 */
import type { Rating, RedListKind } from '../rules/labels.js';

/** 蓝黄红: the colour of a region, a chain or a project by 序时进度. */
export const RATING_LABELS: Record<Rating, string> = { blue: '蓝', yellow: '黄', red: '红' };

/** Why a project is on the red list (预警清单, 红色预警; not a 红榜, which a bulletin reader takes for the honour roll). */
export const RED_LIST_LABELS: Record<RedListKind, string> = {
  halted: '停工',
  overdueStart: '逾期未开工',
  lagging: '进度滞后',
  conditionalOverdue: '容缺逾期',
  milestone: '节点滞后',
};

/** The war room's one line for the warnings that name places or chains (one line per code, the names listed). */
export const WARNING_GROUP_LABELS: Record<string, string> = {
  regionWithoutBigProject: '本年尚无新谋划大项目的县（市、区）',
  flagshipChainWithoutBigProject: '本年尚无新谋划大项目的标志性产业链',
  regionWithoutAttractedBigProject: '本年尚无新引进大项目的县（市、区）',
  chainWithoutAttractedBigProject: '本年尚无新引进大项目的产业链',
};
