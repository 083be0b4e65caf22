export * from './reminders.module';
export * from './domain/reminder-schedule';
export * from './entities/notification.entity';
