export * from './supervision.module';
export * from './supervision.types';
export * from './domain/supervision-rules';
