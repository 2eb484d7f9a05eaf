import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import ts from 'typescript';
import request from 'supertest';
import { API_ERROR_SCHEMAS } from '../src/operations/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * docs/api.md "The OpenAPI document": swagger keys the document's schemas by class name: two classes of the same name silently replace
 * each other in `components.schemas`, and one answer is then declared with the other's fields.
 * So every class that can become a schema has a name of its own. Two views of the same rule:
 * - the source: every class declared under src/ with a swagger-decorated property (ApiProperty,
 *   ApiPropertyOptional, ApiHideProperty, ApiWan), wherever it is and whether exported or not;
 * - the running app: every class reachable from its controllers' swagger metadata (answers,
 *   extra models, parameter types, and the classes their properties name, to any depth).
 * Each is shown failing on a planted pair.
 */

const SWAGGER_PROPERTY_DECORATORS = new Set(['ApiProperty', 'ApiPropertyOptional', 'ApiHideProperty', 'ApiResponseProperty', 'ApiWan']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function decoratorName(decorator: ts.Decorator): string | undefined {
  const call = decorator.expression;
  const callee = ts.isCallExpression(call) ? call.expression : call;
  return ts.isIdentifier(callee) ? callee.text : undefined;
}

/** Each class name declared more than once among the swagger-decorated classes below `root`, with its places (`file:line`). */
function sourceClashes(root: string): Record<string, string[]> {
  const places = new Map<string, string[]>();
  for (const file of tsFiles(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name) {
        const decorated = node.members.some((member) => (ts.canHaveDecorators(member) ? ts.getDecorators(member) ?? [] : []).some((d) => SWAGGER_PROPERTY_DECORATORS.has(decoratorName(d) ?? '')));
        if (decorated) {
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          places.set(node.name.text, [...(places.get(node.name.text) ?? []), `${relative(root, file)}:${line}`]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return Object.fromEntries([...places].filter(([, where]) => where.length > 1));
}

type AnyClass = Type<unknown>;
const BUILT_IN = new Set<unknown>([String, Number, Boolean, Object, Array, Date, Buffer, Promise, Function]);

/** A swagger `type`: a class, `[Class]`, a thunk `() => Class`, or a name ('integer'); the classes in it. */
function classesIn(type: unknown): AnyClass[] {
  if (Array.isArray(type)) return type.flatMap(classesIn);
  if (typeof type !== 'function' || BUILT_IN.has(type)) return [];
  // An arrow function has no prototype: swagger's lazy type, called when the document is built.
  if (!('prototype' in type) || type.prototype === undefined) return classesIn((type as () => unknown)());
  return [type as AnyClass];
}

/** The classes a class's swagger properties name (its own and inherited ones), and its extra models. */
function propertyClasses(cls: AnyClass): AnyClass[] {
  const names = (Reflect.getMetadata('swagger/apiModelPropertiesArray', cls.prototype) as string[] | undefined) ?? [];
  return names.flatMap((key) => {
    const meta = Reflect.getMetadata('swagger/apiModelProperties', cls.prototype, key.replace(/^:/, '')) as { type?: unknown; items?: { type?: unknown } } | undefined;
    return [...classesIn(meta?.type), ...classesIn(meta?.items?.type)];
  }).concat(extraModels(cls));
}

/** `@ApiExtraModels(...)` on a class or a handler: models named by `$ref` only (pages, maps by year). */
function extraModels(target: object): AnyClass[] {
  return ((Reflect.getMetadata('swagger/apiExtraModels', target) as unknown[] | undefined) ?? []).flatMap(classesIn);
}

/** Where a controller and its handlers name classes: answers, @ApiBody/@ApiQuery types, extra models, parameter types. */
function controllerClasses(controller: AnyClass): AnyClass[] {
  const named = (target: object) => [
    ...Object.values((Reflect.getMetadata('swagger/apiResponse', target) as Record<string, { type?: unknown }> | undefined) ?? {}).map((a) => a.type),
    ...((Reflect.getMetadata('swagger/apiParameters', target) as { type?: unknown }[] | undefined) ?? []).map((p) => p.type),
  ].flatMap(classesIn).concat(extraModels(target));
  const found = named(controller);
  for (const key of Object.getOwnPropertyNames(controller.prototype)) {
    if (key === 'constructor') continue;
    const handler = Object.getOwnPropertyDescriptor(controller.prototype, key)?.value as object | undefined;
    if (typeof handler !== 'function') continue;
    found.push(...named(handler), ...((Reflect.getMetadata('design:paramtypes', controller.prototype, key) as unknown[] | undefined) ?? []).flatMap(classesIn));
  }
  return found;
}

/** Every class reachable from these controllers, by name: a name with two distinct classes is a clash. */
function reachableByName(controllers: AnyClass[]): Map<string, Set<AnyClass>> {
  const byName = new Map<string, Set<AnyClass>>();
  const seen = new Set<AnyClass>();
  const queue = controllers.flatMap(controllerClasses);
  while (queue.length) {
    const cls = queue.shift()!;
    if (seen.has(cls)) continue;
    seen.add(cls);
    byName.set(cls.name, (byName.get(cls.name) ?? new Set()).add(cls));
    queue.push(...propertyClasses(cls));
  }
  return byName;
}

function runtimeClashes(byName: Map<string, Set<AnyClass>>): Record<string, string[]> {
  const fields = (cls: AnyClass) => ((Reflect.getMetadata('swagger/apiModelPropertiesArray', cls.prototype) as string[] | undefined) ?? []).map((k) => k.replace(/^:/, '')).join(',');
  return Object.fromEntries([...byName].filter(([, classes]) => classes.size > 1).map(([name, classes]) => [name, [...classes].map((c) => `{${fields(c)}}`)]));
}

describe('one class per schema name in the OpenAPI document', () => {
  describe('in the source', () => {
    it('no two swagger-decorated classes under src/ share a name', () => {
      const root = join(process.cwd(), 'src');
      expect(tsFiles(root).length).toBeGreaterThan(100);
      expect(sourceClashes(root)).toEqual({});
    });

    it('fails on a planted pair: the same class name in two files, each with its place', () => {
      const root = mkdtempSync(join(tmpdir(), 'openapi-names-'));
      try {
        const answer = (field: string) => `import { ApiProperty } from '@nestjs/swagger';\n\nexport class PersonRef {\n  @ApiProperty() ${field}: string;\n}\n`;
        writeFileSync(join(root, 'a.responses.ts'), answer('name'));
        writeFileSync(join(root, 'b.responses.ts'), `// another module\n${answer('title')}`);
        // A same-named class without swagger properties is no schema: not a clash.
        writeFileSync(join(root, 'c.service.ts'), 'export class PersonRef {}\n');
        expect(sourceClashes(root)).toEqual({ PersonRef: ['a.responses.ts:3', 'b.responses.ts:4'] });
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  });

  describe('in the running app', () => {
    let t: TestApp;
    let controllers: AnyClass[];
    let schemas: string[];

    beforeAll(async () => {
      t = await startTestApp();
      controllers = [...t.app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()].map((w) => w.metatype as AnyClass));
      schemas = Object.keys(((await request(t.http).get('/api/docs-json').expect(200)).body as { components: { schemas: Record<string, unknown> } }).components.schemas);
    });
    afterAll(() => t.close());

    it('every class reachable from the controllers has a name of its own', () => {
      expect(runtimeClashes(reachableByName(controllers))).toEqual({});
    });

    it('the walk reaches every class-made schema the document holds (so it would see a clash among them), nested ones included', () => {
      const reached = reachableByName(controllers);
      const fromClasses = schemas.filter((name) => !(name in API_ERROR_SCHEMAS));
      expect(fromClasses.length).toBeGreaterThan(100);
      expect(fromClasses.filter((name) => !reached.has(name))).toEqual([]);
      // Nested three levels down: the chain page → its responsibility → a revision's 链长.
      for (const name of ['ChainPageAnswer', 'ChainResponsibilityAnswer', 'PersonRefAnswer', 'FactorResponsibleAnswer']) expect([name, reached.has(name)]).toEqual([name, true]);
    });

    it('fails on a planted pair: two distinct classes of one name behind a controller', () => {
      const twin = (field: string) => {
        class Twin {}
        ApiProperty({ type: String })(Twin.prototype, field);
        return Twin;
      };
      const [first, second] = [twin('name'), twin('title')];
      class Holder {}
      ApiProperty({ type: second })(Holder.prototype, 'nested');
      class PlantedController {
        read(): void {}
      }
      ApiOkResponse({ type: first })(PlantedController.prototype, 'read', Object.getOwnPropertyDescriptor(PlantedController.prototype, 'read')!);
      (ApiOkResponse({ type: Holder }) as ClassDecorator)(PlantedController);
      expect(runtimeClashes(reachableByName([PlantedController]))).toEqual({ Twin: ['{name}', '{title}'] });
    });
  });
});
