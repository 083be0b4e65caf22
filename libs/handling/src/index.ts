export * from './handling.module';
export * from './handling.service';
export * from './handling.repository';
export * from './handling.types';
export * from './domain/due-date';
export * from './domain/assignment-status';
export * from './entities/assignment.entity';
