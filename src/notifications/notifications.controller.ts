import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, EVERY_ROLE, READERS, Roles, type Principal } from '../access/index.js';
import { IdParam } from '../common/index.js';
import { ChannelsService } from './channels.service.js';
import { NoticeSettingsService } from './notice-settings.js';
import {
  ChannelAnswer,
  ChannelTestAnswer,
  CreatedChannelAnswer,
  DeliveryAnswer,
  InboxAnswer,
  InboxReadAnswer,
  NoticeSettingsAnswer,
  NotificationsHealthAnswer,
  RunResultAnswer,
} from './notification.responses.js';
import { NotificationsService } from './notifications.service.js';

/** Notifications (docs/notifications.md): the caller's inbox; the city office's channels, settings, runs and deliveries. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly channels: ChannelsService,
    private readonly settings: NoticeSettingsService,
  ) {}

  @ApiOkResponse({ type: InboxAnswer })
  @Get('inbox')
  @ApiOperation({ summary: '我的通知（收件箱）' })
  @Roles(...EVERY_ROLE)
  inbox(@CurrentUser() user: Principal) {
    return this.notifications.inbox(user.id);
  }

  @ApiOkResponse({ type: InboxReadAnswer })
  @Post('inbox/:id/read')
  @ApiOperation({ summary: '将一条通知标为已读' })
  @HttpCode(200)
  @Roles(...EVERY_ROLE)
  read(@Param('id', IdParam) id: number, @CurrentUser() user: Principal) {
    return this.notifications.markRead(user.id, id);
  }

  /** Channels that keep failing, for the board's freshness line (no secret, no answer text). */
  @ApiOkResponse({ type: NotificationsHealthAnswer })
  @Get('health')
  @ApiOperation({ summary: '持续失败的通知渠道（看板新鲜度提示用）' })
  @Roles(...READERS)
  async health() {
    return { failingChannels: await this.channels.failing() };
  }

  @ApiOkResponse({ type: [ChannelAnswer] })
  @Get('channels')
  @ApiOperation({ summary: '通知渠道列表' })
  @Roles('admin')
  listChannels() {
    return this.channels.list();
  }

  @ApiCreatedResponse({ type: CreatedChannelAnswer })
  @Post('channels')
  @ApiOperation({ summary: '新增通知渠道' })
  @Roles('admin')
  createChannel(@Body() body: unknown, @CurrentUser() user: Principal) {
    return this.channels.create(body, user.username);
  }

  @ApiNoContentResponse({ description: 'removed' })
  @Delete('channels/:id')
  @ApiOperation({ summary: '删除通知渠道' })
  @HttpCode(204)
  @Roles('admin')
  async removeChannel(@Param('id', IdParam) id: number, @CurrentUser() user: Principal) {
    await this.channels.remove(id, user.username);
  }

  @ApiOkResponse({ type: ChannelTestAnswer, description: 'what the channel answered a test message (nothing is stored)' })
  @Post('channels/:id/test')
  @ApiOperation({ summary: '向渠道发送一条测试消息' })
  @HttpCode(200)
  @Roles('admin')
  testChannel(@Param('id', IdParam) id: number) {
    return this.channels.test(id);
  }

  @ApiOkResponse({ type: NoticeSettingsAnswer })
  @Get('settings')
  @ApiOperation({ summary: '通知规则设置' })
  @Roles('admin')
  getSettings() {
    return this.settings.get();
  }

  @ApiOkResponse({ type: NoticeSettingsAnswer, description: 'the settings as stored' })
  @Put('settings')
  @ApiOperation({ summary: '修改通知规则设置' })
  @Roles('admin')
  putSettings(@Body() body: unknown, @CurrentUser() user: Principal) {
    return this.settings.put(body, user.username);
  }

  /** Runs the rules now and delivers at once (quiet hours do not hold a deliberate run). */
  @ApiOkResponse({ type: RunResultAnswer })
  @Post('run')
  @ApiOperation({ summary: '立即运行通知规则并发送' })
  @HttpCode(200)
  @Roles('admin')
  run(@CurrentUser() user: Principal) {
    return this.notifications.run({ manual: true, digests: true, actor: user.username });
  }

  @ApiOkResponse({ type: [DeliveryAnswer], description: 'the latest 500, newest first' })
  @Get('deliveries')
  @ApiOperation({ summary: '最近的发送记录' })
  @Roles('admin')
  deliveries() {
    return this.notifications.deliveries();
  }
}
