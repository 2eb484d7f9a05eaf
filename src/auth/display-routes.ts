/**
 * What a wall screen's display token may read: the board and what the war room opens from it
 * (the dashboard, its curve and drill-down, regions and chains, the default period, published
 * bulletins with their words and their .xlsx/.docx, the project card, the missing-reports badge),
 * who it is, and the names histories show for their actors.
 * Every other route answers 403 to a display token, whatever its method: this list is the
 * whole of its rights, and a new route is closed to it until it is added here
 * (docs/operations.md "Display tokens and the wall link").
 */
export const DISPLAY_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/auth/me',
  'GET /api/users/names',
  'GET /api/regions',
  'GET /api/chains',
  'GET /api/periods/default',
  'GET /api/dashboard/:year',
  'GET /api/dashboard/:year/curve',
  'GET /api/dashboard/:year/projects',
  'GET /api/reports/missing',
  'GET /api/projects/:id',
  'GET /api/projects/:id/history',
  'GET /api/projects/:id/reports',
  'GET /api/bulletins',
  'GET /api/bulletins/:year/:month',
  'GET /api/bulletins/:year/:month/commentary',
  'GET /api/exports/bulletins/:year/:month.xlsx',
  'GET /api/exports/bulletins/:year/:month.docx',
]);

/** `GET /api/projects/:id` for a request, from the route Express matched (HEAD reads as GET). */
export function routeKey(method: string, routePath: string): string {
  return `${method === 'HEAD' ? 'GET' : method} ${routePath}`;
}

/** Display tokens start with this, so the guard knows which kind of token it holds without a lookup. */
export const DISPLAY_TOKEN_PREFIX = 'dsp_';
