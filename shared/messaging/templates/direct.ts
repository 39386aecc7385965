/**
 * A free-form message (subject and text written by the calling area, e.g. the organisation
 * onboarding workflow through shared/messaging/email.ts). It still goes through the outbox
 * and the layout: escaped, with a plain-text part, in the direction of its language.
 */
import type { Template } from '../render.js';

const params = { subject: { kind: 'text', max: 200 }, body: { kind: 'text', max: 10_000 } } as const;

export const directMessage: Template = {
  type: 'direct-message',
  params,
  email: {
    ar: { subject: '{{subject}}', heading: '{{subject}}', paragraphs: ['{{body}}'] },
    en: { subject: '{{subject}}', heading: '{{subject}}', paragraphs: ['{{body}}'] },
  },
};
