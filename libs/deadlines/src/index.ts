export * from './deadlines.module';
export * from './deadlines.service';
export * from './domain/local-date';
export * from './domain/working-days';
export * from './entities/work-calendar.entity';
