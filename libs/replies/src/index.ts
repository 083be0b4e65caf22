export * from './domain/document-number';
export * from './document-numbers';
