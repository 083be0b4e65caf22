export * from './domain/document-number';
