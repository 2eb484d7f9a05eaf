// Loaded with `node --import` by the test scripts (package.json): a spec's import of
// '@jest/globals' is answered by jest-globals.mjs beside this file (why: see that file).
import { register } from 'node:module';

const globals = new URL('./jest-globals.mjs', import.meta.url).href;
register(
  `data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === '@jest/globals') return { url: ${JSON.stringify(globals)}, shortCircuit: true };
  return next(specifier, context);
}`)}`,
);
