// Short names for the generated API types (api-types.d.ts, `npm run api:types`), for the pages'
// typedefs in src/web/public/types.js: docs/development.md "API types".
import type { components, paths } from '../../../generated/api-types.js';

/** A schema of the document by name: `Schema<'ImportResult'>`. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The operation at a path and method (never when the path has no such method). */
type Operation<Path extends keyof paths, M extends Method> = paths[Path][M] extends infer Op ? (Op extends { responses: unknown } ? Op : never) : never;

/** The JSON body of the success answer (200, 201 or 202) an operation declares. */
type SuccessBody<Op> = Op extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : R extends { 202: { content: { 'application/json': infer B } } }
        ? B
        : never
  : never;

/**
 * The JSON answer of an operation, as the document declares it:
 * `Answer<'/api/workbench/projects', 'get'>`. `never` while the operation declares no JSON body,
 * so a typedef pointing at an undeclared answer makes every use of it an error.
 */
export type Answer<Path extends keyof paths, M extends Method = 'get'> = SuccessBody<Operation<Path, M>>;
