// What the pages import as `/shared/period.js`: the server writes it from src/common/period.ts
// and adds the calendar zone it is configured with (src/web/web.static.ts).
export * from '../../common/period.js';
export declare const CALENDAR_ZONE: string;
