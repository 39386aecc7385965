import { describe, expect, it } from 'vitest';
import { NotificationType } from '../../shared/domain/notifications/schema.js';
import { hasSms } from '../../shared/messaging/templates/channels.js';
import { templates } from '../../shared/messaging/templates/index.js';

describe('template channels', () => {
  it('names exactly the types whose template has an SMS text', () => {
    for (const type of NotificationType.options) expect({ type, sms: hasSms(type) }).toEqual({ type, sms: templates[type].sms !== undefined });
  });
});
