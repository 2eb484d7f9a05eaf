import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope, CurrentUser, EVERY_ROLE, type Principal, Roles, type Scope } from '../access/index.js';
import { IdParam, parseIfMatch } from '../common/index.js';
import { refuseFieldsNotTaken } from '../workflow/index.js';
import { GROUP_EVENT_FIELDS, GroupEventDto, ListGroupsQuery } from './dto/request.dto.js';
import type { GroupEvent } from './request-group.machine.js';
import { RequestGroupsService, type RequestGroupView } from './request-groups.service.js';
import { RequestGroupAnswer } from './request-lists.responses.js';

/**
 * 共性问题 (docs/domain/requests.md "共性问题"). Registered before the requests' controller, so
 * that `requests/groups` is not read as `requests/:id`.
 */
@ApiTags('requests')
@Controller('requests/groups')
export class RequestGroupsController {
  constructor(private readonly groups: RequestGroupsService) {}

  @Get()
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: '共性问题：同一要素、同一承办部门（及同一政策）在 90 天内涉及 3 家以上企业或项目的问题，自动提出，市链长办确认' })
  @ApiOkResponse({ type: [RequestGroupAnswer] })
  list(@Query() query: ListGroupsQuery, @CurrentScope() scope: Scope): Promise<RequestGroupView[]> {
    return this.groups.list(query.status, scope);
  }

  @Post(':id/confirm')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: '确认共性问题（列入高频问题清单）' })
  @ApiOkResponse({ type: RequestGroupAnswer })
  @ApiHeader({ name: 'If-Match', required: false })
  async confirm(@Param('id', IdParam) id: number, @Headers('if-match') ifMatch: string | undefined, @CurrentUser() user: Principal, @CurrentScope() scope: Scope): Promise<RequestGroupView> {
    await this.groups.apply(id, { type: 'CONFIRM' }, user, parseIfMatch(ifMatch));
    return this.groups.findOne(id, scope);
  }

  @Post(':id/events')
  @Roles('admin', 'department')
  @HttpCode(200)
  @ApiOperation({ summary: '共性问题流转：RESOLVE（统一办结，一个答复办结全部待办成员；承办部门或市链长办）、DISMISS / CONFIRM（市链长办）' })
  @ApiOkResponse({ type: RequestGroupAnswer })
  @ApiBody({ type: GroupEventDto })
  @ApiHeader({ name: 'If-Match', required: false })
  async event(@Param('id', IdParam) id: number, @Body() dto: GroupEventDto, @Headers('if-match') ifMatch: string | undefined, @CurrentUser() user: Principal, @CurrentScope() scope: Scope): Promise<RequestGroupView> {
    refuseFieldsNotTaken(dto, ['note', 'reason'], GROUP_EVENT_FIELDS);
    await this.groups.apply(id, { ...dto } as GroupEvent, user, parseIfMatch(ifMatch));
    return this.groups.findOne(id, scope);
  }
}
