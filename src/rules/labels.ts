/**
 * The words of the rules that the pages show as choices: the milestones a project usually has
 * (节点, docs/domain/milestones.md). Plain data: the pages load it through `/shared/labels.js`
 * (src/web/labels.ts gathers every module's labels), so it imports nothing.
 */

/** The milestones a project usually has, in their usual order; a project may name its own. */
export const MILESTONE_NAMES = ['开工', '主体完工', '设备安装', '试生产', '竣工投产'] as const;
