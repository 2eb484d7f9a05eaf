import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { EVERY_ROLE, Roles } from '../access/index.js';
import { actorOf } from '../common/index.js';
import { DepartmentsService, type DepartmentView } from './departments.service.js';
import { PutDepartmentDto } from './dto/department.dto.js';
import { DepartmentAnswer, RegionAnswer } from './reference.responses.js';
import { ReferenceService, type RegionView } from './reference.service.js';

@ApiTags('reference')
// Names of codes: every role reads them, a department included.
@Roles(...EVERY_ROLE)
@Controller()
export class ReferenceController {
  constructor(
    private readonly reference: ReferenceService,
    private readonly departments: DepartmentsService,
  ) {}

  @Get('regions')
  @ApiOperation({ summary: '县（市、区）与开发区，统计用区划代码' })
  @ApiOkResponse({ type: [RegionAnswer] })
  regions(): Promise<RegionView[]> {
    return this.reference.regions();
  }

  @Get('departments')
  @ApiOperation({ summary: '要素保障组部门及其承办的需求类型' })
  @ApiOkResponse({ type: [DepartmentAnswer] })
  departmentList(): Promise<DepartmentView[]> {
    return this.departments.list();
  }

  @Put('departments/:code')
  @Roles('admin')
  @ApiOperation({ summary: '新建或修改部门（名称、承办类型；列出别部门的类型即移交过来）' })
  @ApiOkResponse({ type: DepartmentAnswer, description: 'the department as saved' })
  putDepartment(@Param('code') code: string, @Body() dto: PutDepartmentDto, @Req() request: Request): Promise<DepartmentView> {
    return this.departments.put(code, dto, actorOf(request));
  }
}
