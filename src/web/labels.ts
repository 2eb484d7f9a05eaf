/**
 * Every word the pages read for a code, gathered from the modules that own them (each module's
 * `labels.ts`, defined beside what it labels). The server serves this as the ES module
 * `/shared/labels.js` (web.static.ts); the pages' type check reads it through tsconfig.web.json.
 * The server's own messages import the words from the owning module, not from here.
 */
export * from '../common/labels.js';
export * from '../access/labels.js';
export * from '../reference/labels.js';
export * from '../lifecycle/labels.js';
export * from '../rules/labels.js';
export * from '../auth/labels.js';
export * from '../project-records/labels.js';
export * from '../plans/labels.js';
export * from '../requests/labels.js';
export * from '../attraction/labels.js';
export * from '../people/labels.js';
export * from '../board/labels.js';
export * from '../excel/labels.js';
export * from '../notifications/labels.js';
