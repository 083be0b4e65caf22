export * from './test-context';
export * from './test-database';
export * from './replies';
export * from './openapi-shape';
