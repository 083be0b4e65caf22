export * from './feedback.module';
export * from './feedback.service';
export * from './follow-ups.service';
export * from './feedback.types';
export * from './domain/feedback';
export * from './domain/feedback-link';
export * from './domain/follow-up';
