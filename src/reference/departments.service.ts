import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { type ErrorDetail, unprocessable } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { Department } from './department.entity.js';
import { REQUEST_KINDS, isRequestKind, type RequestKind } from './request-kinds.js';
import type { DepartmentView } from './reference.types.js';
import { REQUEST_KIND_LABELS } from './labels.js';


/** Department codes: 2–32 lower-case letters, digits and hyphens (natural-resources). */
export type { DepartmentView } from './reference.types.js';

export const DEPARTMENT_CODE = /^[a-z0-9][a-z0-9-]{1,31}$/;

export function kindsOf(department: Department): RequestKind[] {
  const kinds = department.kinds.split(',').filter(isRequestKind);
  return REQUEST_KINDS.filter((kind) => kinds.includes(kind));
}

export function viewOfDepartment(department: Department): DepartmentView {
  return { code: department.code, name: department.name, kinds: kindsOf(department) };
}

/** The department a new request of `kind` goes to (每类需求由一个部门承办), or null when none owns it. */
export async function routeOf(manager: EntityManager, kind: RequestKind): Promise<Department | null> {
  const departments = await manager.find(Department, { order: { sortOrder: 'ASC', code: 'ASC' } });
  return departments.find((d) => kindsOf(d).includes(kind)) ?? null;
}

/**
 * 要素保障组 departments as data (docs/domain/requests.md "Departments"): each kind of need is
 * owned by exactly one department. PUT names a department's kinds: a kind listed that another
 * department owns moves here; a kind this department owned and no longer lists would be left
 * without an owner, which is refused (move it by listing it on its new department instead).
 */
@Injectable()
export class DepartmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly changes: ChangeRecorder,
  ) {}

  exists(manager: EntityManager, code: string): Promise<boolean> {
    return manager.existsBy(Department, { code });
  }

  /** The department a new request of `kind` goes to (每类需求由一个部门承办), or null when none owns it. */
  routeOf(manager: EntityManager, kind: RequestKind): Promise<Department | null> {
    return routeOf(manager, kind);
  }

  async list(): Promise<DepartmentView[]> {
    return (await this.dataSource.getRepository(Department).find({ order: { sortOrder: 'ASC', code: 'ASC' } })).map(viewOfDepartment);
  }

  put(code: string, input: { name: string; kinds: string[] }, actor: string): Promise<DepartmentView> {
    return this.writes.run(async (manager) => {
      const failures: ErrorDetail[] = [];
      if (!DEPARTMENT_CODE.test(code)) failures.push({ field: 'code', code: 'invalidDepartmentCode', message: '部门代码为 2–32 位小写字母、数字或连字符' });
      const name = input.name.trim();
      if (!name) failures.push({ field: 'name', code: 'nameRequired', message: '部门名称不能为空' });
      const unknown = input.kinds.filter((kind) => !isRequestKind(kind));
      for (const kind of unknown) failures.push({ field: 'kinds', code: 'unknownKind', message: `未知的需求类型：${kind}` });
      const kinds = REQUEST_KINDS.filter((kind) => input.kinds.includes(kind));
      const all = await manager.find(Department, { order: { sortOrder: 'ASC', code: 'ASC' } });
      const existing = all.find((d) => d.code === code) ?? null;
      for (const kind of existing ? kindsOf(existing) : [])
        if (!kinds.includes(kind))
          failures.push({
            field: 'kinds',
            code: 'kindUnrouted',
            message: `${REQUEST_KIND_LABELS[kind]}类需求将无承办部门：请在接手的部门的承办类型中列出它（移交）`,
          });
      if (failures.length) throw unprocessable('部门数据未通过校验', failures);

      const moved: { kind: RequestKind; from: string }[] = [];
      for (const other of all.filter((d) => d.code !== code)) {
        const keep = kindsOf(other).filter((kind) => !kinds.includes(kind));
        for (const kind of kindsOf(other).filter((k) => kinds.includes(k))) moved.push({ kind, from: other.code });
        if (keep.length !== kindsOf(other).length) await manager.update(Department, { code: other.code }, { kinds: keep.join(',') });
      }
      const row = { code, name, kinds: kinds.join(','), sortOrder: existing?.sortOrder ?? all.reduce((max, d) => Math.max(max, d.sortOrder), 0) + 1 };
      if (existing && existing.name === row.name && existing.kinds === row.kinds) return viewOfDepartment(existing);
      if (existing) await manager.update(Department, { code }, { name: row.name, kinds: row.kinds });
      else await manager.insert(Department, row);
      await this.changes.record(manager, {
        actor,
        subject: auditSubject.department(code),
        action: existing ? 'update' : 'create',
        before: existing ? viewOfDepartment(existing) : null,
        after: { ...viewOfDepartment(row as Department), moved },
      });
      return viewOfDepartment(row as Department);
    });
  }
}
