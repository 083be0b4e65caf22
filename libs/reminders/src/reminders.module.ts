import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueName } from '@dafu/platform/queue/queue-names';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesModule } from '@dafu/deadlines/deadlines.module';
import { IdentityModule } from '@dafu/identity/identity.module';
import {
  NotificationDeliveryEntity,
  NotificationEntity,
  NotificationWebhookEntity,
  UrgeEntity,
} from './entities/notification.entity';
import { NotificationDeliveries } from './notification-deliveries.service';
import { NotificationSender } from './notification-sender.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { ReminderScheduler } from './reminder-scheduler.service';
import { RemindersRepository } from './reminders.repository';

/** Deadline reminders, escalation, 催办 and the notifications they make. */
@Module({
  imports: [
    TypeOrmModule.forFeature([NotificationEntity, NotificationDeliveryEntity, NotificationWebhookEntity, UrgeEntity]),
    DeadlinesModule,
    IdentityModule,
    BullModule.registerQueue({ name: QueueName.Reminders }, { name: QueueName.Notifications }),
  ],
  controllers: [NotificationsController],
  providers: [RemindersRepository, ReminderScheduler, NotificationDeliveries, NotificationSender, NotificationsService],
  exports: [RemindersRepository, ReminderScheduler, NotificationDeliveries, NotificationSender, DeadlinesModule],
})
export class RemindersModule {}
