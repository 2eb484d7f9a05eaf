import { Body, Controller, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, EVERY_ROLE, type Principal, Roles } from '../access/index.js';
import { actorOf, IdParam } from '../common/index.js';
import { CreatePersonDto, UpdatePersonDto } from './dto/person.dto.js';
import { PeopleService } from './people.service.js';
import { PersonAnswer } from './people.responses.js';
import type { PersonView } from './people.types.js';

/** The register of responsible people (docs/domain/responsibility.md "People"). */
@ApiTags('responsibility')
@Controller('people')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Get()
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '人员名册：链长、包联领导、服务专员（姓名、职务、单位；要素保障部门不含电话）' })
  @ApiOkResponse({ type: [PersonAnswer] })
  list(@CurrentUser() user: Principal): Promise<PersonView[]> {
    return this.people.list(user.role !== 'department');
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '登记人员（市链长办）' })
  @ApiCreatedResponse({ type: PersonAnswer })
  create(@Body() dto: CreatePersonDto, @Req() request: Request): Promise<PersonView> {
    return this.people.create(dto, actorOf(request));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: '修改人员信息；active=false 表示已离任' })
  @ApiOkResponse({ type: PersonAnswer })
  update(@Param('id', IdParam) id: number, @Body() dto: UpdatePersonDto, @Req() request: Request): Promise<PersonView> {
    return this.people.update(id, dto, actorOf(request));
  }
}
