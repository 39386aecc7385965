/**
 * EventBridge `source` of every domain event. Its own module so that events/catalog.ts (the
 * envelope contract) and shared/domain/events.ts (which is typed by the catalogue) both import
 * it without importing each other.
 */
export const EVENT_SOURCE = 'tatawwu';
