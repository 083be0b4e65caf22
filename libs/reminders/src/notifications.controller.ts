import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Permission } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { Auth, RequirePermission } from '@dafu/platform/auth/auth.decorators';
import {
  CreatedWebhookDto,
  MarkedDto,
  NotificationDeliveryDto,
  NotificationDto,
  NotificationPreferencesDto,
  NotificationQueryDto,
  UnreadCountDto,
  UrgeDto,
  UrgeInputDto,
  WebhookDto,
  WebhookInputDto,
} from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @RequirePermission(Permission.NotificationRead)
  @ApiOkResponse({ type: [NotificationDto] })
  list(@Auth() actor: Actor, @Query() query: NotificationQueryDto) {
    return this.notifications.list(actor, query);
  }

  @Get('notifications/unread-count')
  @RequirePermission(Permission.NotificationRead)
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@Auth() actor: Actor) {
    return this.notifications.unreadCount(actor);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @RequirePermission(Permission.NotificationRead)
  @ApiOkResponse({ type: MarkedDto })
  markAllRead(@Auth() actor: Actor) {
    return this.notifications.markAllRead(actor);
  }

  @Post('notifications/:id/read')
  @HttpCode(200)
  @RequirePermission(Permission.NotificationRead)
  @ApiOkResponse({ type: NotificationDto })
  markRead(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.markRead(actor, id);
  }

  @Get('me/notification-preferences')
  @RequirePermission(Permission.NotificationRead)
  @ApiOkResponse({ type: NotificationPreferencesDto })
  preferences(@Auth() actor: Actor) {
    return this.notifications.preferences(actor);
  }

  @Put('me/notification-preferences')
  @RequirePermission(Permission.NotificationRead)
  @ApiOkResponse({ type: NotificationPreferencesDto })
  setPreferences(@Auth() actor: Actor, @Body() dto: NotificationPreferencesDto) {
    return this.notifications.setPreferences(actor, dto.emailMode);
  }

  @Post('bureaus/:id/urges')
  @RequirePermission(Permission.NotificationUrge)
  @ApiOkResponse({ type: UrgeDto })
  urge(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UrgeInputDto) {
    return this.notifications.urge(actor, id, dto);
  }

  @Get('admin/notification-webhooks')
  @RequirePermission(Permission.WebhookManage)
  @ApiOkResponse({ type: [WebhookDto] })
  webhooks() {
    return this.notifications.webhooks();
  }

  @Post('admin/notification-webhooks')
  @RequirePermission(Permission.WebhookManage)
  @ApiOkResponse({ type: CreatedWebhookDto })
  createWebhook(@Auth() actor: Actor, @Body() dto: WebhookInputDto) {
    return this.notifications.createWebhook(actor, dto);
  }

  @Delete('admin/notification-webhooks/:id')
  @RequirePermission(Permission.WebhookManage)
  @ApiOkResponse({ type: WebhookDto })
  deactivateWebhook(@Auth() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.notifications.deactivateWebhook(actor, id);
  }

  @Get('admin/notification-deliveries/failed')
  @RequirePermission(Permission.JobsManage)
  @ApiOkResponse({ type: [NotificationDeliveryDto] })
  failedDeliveries() {
    return this.notifications.failedDeliveries();
  }
}
