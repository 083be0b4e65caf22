export * from './disclosure.module';
export * from './domain/publication';
