import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, EVERY_ROLE, READERS, Roles, type Principal } from '../access/index.js';
import { IdParam } from '../common/index.js';
import { ChannelsService } from './channels.service.js';
import { NoticeSettingsService } from './notice-settings.js';
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

  @Get('inbox')
  @ApiOperation({ summary: '我的通知（收件箱）' })
  @Roles(...EVERY_ROLE)
  inbox(@CurrentUser() user: Principal) {
    return this.notifications.inbox(user.id);
  }

  @Post('inbox/:id/read')
  @ApiOperation({ summary: '将一条通知标为已读' })
  @HttpCode(200)
  @Roles(...EVERY_ROLE)
  read(@Param('id', IdParam) id: number, @CurrentUser() user: Principal) {
    return this.notifications.markRead(user.id, id);
  }

  /** Channels that keep failing, for the board's freshness line (no secret, no answer text). */
  @Get('health')
  @ApiOperation({ summary: '持续失败的通知渠道（看板新鲜度提示用）' })
  @Roles(...READERS)
  async health() {
    return { failingChannels: await this.channels.failing() };
  }

  @Get('channels')
  @ApiOperation({ summary: '通知渠道列表' })
  @Roles('admin')
  listChannels() {
    return this.channels.list();
  }

  @Post('channels')
  @ApiOperation({ summary: '新增通知渠道' })
  @Roles('admin')
  createChannel(@Body() body: unknown, @CurrentUser() user: Principal) {
    return this.channels.create(body, user.username);
  }

  @Delete('channels/:id')
  @ApiOperation({ summary: '删除通知渠道' })
  @HttpCode(204)
  @Roles('admin')
  async removeChannel(@Param('id', IdParam) id: number, @CurrentUser() user: Principal) {
    await this.channels.remove(id, user.username);
  }

  @Post('channels/:id/test')
  @ApiOperation({ summary: '向渠道发送一条测试消息' })
  @HttpCode(200)
  @Roles('admin')
  testChannel(@Param('id', IdParam) id: number) {
    return this.channels.test(id);
  }

  @Get('settings')
  @ApiOperation({ summary: '通知规则设置' })
  @Roles('admin')
  getSettings() {
    return this.settings.get();
  }

  @Put('settings')
  @ApiOperation({ summary: '修改通知规则设置' })
  @Roles('admin')
  putSettings(@Body() body: unknown, @CurrentUser() user: Principal) {
    return this.settings.put(body, user.username);
  }

  /** Runs the rules now and delivers at once (quiet hours do not hold a deliberate run). */
  @Post('run')
  @ApiOperation({ summary: '立即运行通知规则并发送' })
  @HttpCode(200)
  @Roles('admin')
  run(@CurrentUser() user: Principal) {
    return this.notifications.run({ manual: true, digests: true, actor: user.username });
  }

  @Get('deliveries')
  @ApiOperation({ summary: '最近的发送记录' })
  @Roles('admin')
  deliveries() {
    return this.notifications.deliveries();
  }
}
