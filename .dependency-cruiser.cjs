/**
 * The walls between modules (docs/architecture.md "The layers"), checked by `npm run lint`.
 *
 * Every folder directly under src/ is a module. Modules are listed below from the bottom of
 * the house to the top, in layers; a module may import only modules listed before it (and
 * itself). A total order: so no two top-level folders can ever import each other, directly
 * or round a loop. Outside a module, only its public faces may be imported: `index.ts` (what
 * other modules may use), `labels.ts` (the words for its codes: plain data the pages load too)
 * and common's `period.ts` (months and dates, which the pages load too). Type-only imports
 * count like any other: types flow down as code does.
 */
const LAYERS = [
  ['foundation', ['config', 'common', 'database', 'jobs', 'heavy', 'workflow', 'access', 'audit', 'reference']],
  ['rules', ['lifecycle', 'rules']],
  // people (who answers for chains and projects) raises requests from a 链长 activity's findings,
  // and a user account may point at a person: it stands after requests and before auth.
  ['domain', ['revisions', 'project-records', 'plans', 'requests', 'people', 'auth', 'reports', 'attraction', 'projects']],
  // notifications reads the board and the bulletins (and the domain below) to tell people what is late.
  ['read', ['periods', 'board', 'bulletins', 'notifications', 'workbench', 'excel', 'oversight']],
  ['shell', ['workers', 'operations', 'seeding', 'bench', 'cli', 'web', 'war-room']],
];

const MODULES = LAYERS.flatMap(([, modules]) => modules);
const FOUNDATION = LAYERS[0][1];
const any = (names) => `(${names.map((n) => n.replace(/[-]/g, '\\-')).join('|')})`;
// common/period.ts is a face too: the months-and-dates module the pages load as /shared/period.js.
const FACE = '^src/[^/]+/(index|labels)\\.ts$|^src/common/period\\.ts$';

/** For each module, the modules above it: importing any of them is forbidden. */
const layerRules = MODULES.slice(0, -1).map((module, i) => ({
  name: `layer-order:${module}`,
  severity: 'error',
  comment: `${module} may use only the modules below it (docs/architecture.md "The layers"): not ${MODULES.slice(i + 1).join(', ')}`,
  from: { path: `^src/${module}/` },
  to: { path: `^src/${any(MODULES.slice(i + 1))}/` },
}));

module.exports = {

  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle between files makes ES module initialisation order-dependent; move the shared part down.',
      from: { path: '^(src|seeds)/' },
      to: { circular: true },
    },
    {
      name: 'foundation-not-to-feature',
      severity: 'error',
      comment: `The foundation (${FOUNDATION.join(', ')}) stays at the bottom: it imports no module above it and no file at the top of src/.`,
      from: { path: `^src/${any(FOUNDATION)}/` },
      to: { path: `^src/(?!${any(FOUNDATION)}/)` },
    },
    ...layerRules,
    {
      name: 'module-not-to-shell-files',
      severity: 'error',
      comment: 'The files at the top of src/ (main, app.module, app.factory, the CLI data source) assemble the app: no module imports them but the shells (the CLI, the benchmarks).',
      from: { path: '^src/[^/]+/', pathNot: `^src/${any(LAYERS.at(-1)[1])}/` },
      to: { path: '^src/[^/]+\\.ts$' },
    },
    {
      name: 'only-through-index',
      severity: 'error',
      comment: "Another module is used through its public face only (its index.ts, or labels.ts for words): move what you need there, or ask the owner's service.",
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', FACE] },
    },
    {
      name: 'only-through-index-from-outside',
      severity: 'error',
      comment: 'The app, the seeds and the tests use a module through its public face too (index.ts or labels.ts).',
      from: { path: '^(src/[^/]+\\.ts$|seeds/|test/)' },
      to: { path: '^src/[^/]+/', pathNot: [FACE, '^src/database/migrations/'] },
    },
    {
      name: 'lifecycle-free-of-persistence',
      severity: 'error',
      comment: 'The lifecycle is data and pure rules (docs/domain/lifecycle.md): its definition and guards touch no database, no HTTP and no module that does.',
      from: { path: '^src/lifecycle/', pathNot: '\\.spec\\.ts$' },
      to: { path: '(^|/)node_modules/(typeorm|@nestjs|pg|better-sqlite3|express)/|^src/(database|access|audit|reference|config)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/|/public/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
