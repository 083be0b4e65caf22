export * from './domain/search-text';
export * from './domain/snippet';
export * from './domain/search-document';
