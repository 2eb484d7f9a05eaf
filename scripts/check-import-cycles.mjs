#!/usr/bin/env node
// Fails when the runtime import graph of the TypeScript sources has a cycle. Type-only
// imports (`import type`, `export type`) and dynamic `import()` are not edges: they do not
// run at module initialisation. Two graphs are checked:
//  - files: a cycle between modules makes ESM initialisation order-dependent;
//  - features (the folders directly under src/), joined by imports of their Nest parts
//    (a file declaring an @Injectable, @Module or @Controller): no feature may use a service
//    of a feature that uses one of its own, so that no Nest module depends on a module that
//    depends on it. Entities, types and pure helpers shared across features are data, not
//    services, and do not join features here.
// Usage: node scripts/check-import-cycles.mjs [root=src]   (exit 1 and the cycles on stderr)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export function sourceFiles(root) {
  const out = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts)$/.test(name) && !/\.(spec|e2e-spec|browser-spec)\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** Runtime edges of one file: relative specifiers of value imports and re-exports. */
export function runtimeImports(file, text = readFileSync(file, 'utf8')) {
  const edges = [];
  for (const match of text.matchAll(IMPORT)) {
    const [, , typeOnly, clause = '', specifier] = match;
    if (typeOnly || !specifier.startsWith('.')) continue;
    // `import { type A, type B } from` is type-only too.
    const names = /\{([^}]*)\}/.exec(clause);
    if (names && !/^\s*[\w$]+\s*,/.test(clause) && names[1].split(',').every((n) => !n.trim() || /^\s*type\s/.test(n))) continue;
    const target = resolve(dirname(file), specifier.replace(/\.(m?)js$/, '.$1ts'));
    edges.push(target);
  }
  return edges;
}

/** Strongly connected components with more than one node (or a self-edge): the cycles. */
export function cycles(graph) {
  let index = 0;
  const indexOf = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indexOf.get(next)));
    }
    if (low.get(node) === indexOf.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? new Set()).has(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indexOf.has(node)) visit(node);
  return found;
}

/** The file graph and the feature-folder graph of a source tree. */
export function importGraphs(root) {
  const files = sourceFiles(root);
  const fileGraph = new Map(files.map((file) => [resolve(file), new Set(runtimeImports(file))]));
  const nestPart = new Set(files.filter((file) => /@(Injectable|Module|Controller)\(/.test(readFileSync(file, 'utf8'))).map((file) => resolve(file)));
  const feature = (file) => relative(resolve(root), file).split(sep)[0].replace(/\.(m?)ts$/, '');
  const featureGraph = new Map();
  for (const [file, targets] of fileGraph) {
    const from = feature(file);
    if (!featureGraph.has(from)) featureGraph.set(from, new Set());
    for (const target of targets) {
      if (!fileGraph.has(target) || !nestPart.has(target)) continue;
      const to = feature(target);
      if (to !== from) featureGraph.get(from).add(to);
    }
  }
  return { fileGraph, featureGraph };
}

export function checkImportCycles(root) {
  const { fileGraph, featureGraph } = importGraphs(root);
  return {
    files: cycles(fileGraph).map((component) => component.map((file) => relative(process.cwd(), file))),
    features: cycles(featureGraph),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const root = process.argv[2] ?? 'src';
  const { files, features } = checkImportCycles(root);
  for (const component of files) console.error(`import cycle between files: ${component.join(' → ')}`);
  for (const component of features) console.error(`import cycle between features (folders of ${root}/): ${component.join(' ↔ ')}`);
  if (files.length || features.length) process.exit(1);
  console.log(`no import cycles in ${root}/ (${importGraphs(root).fileGraph.size} files)`);
}
