export * from './domain/reply-letter-parser';
