/**
 * Parameters shared by the templates, with the longest realistic value of each (the limit of
 * the schema it comes from), which the SMS length test renders with.
 */
import type { ParamSpec } from '../render.js';

/** The recipient's name (volunteer profile: 2–100 characters per language). */
export const name: ParamSpec = { kind: 'text', max: 100, bilingual: true, optional: true };
/** Opportunity title (opportunity schema: up to 150 characters per language). */
export const title: ParamSpec = { kind: 'text', max: 150, bilingual: true };
/** Organisation name (organisation schema: up to 150 characters per language). */
export const orgName: ParamSpec = { kind: 'text', max: 150, bilingual: true };
/** City or venue of a shift. */
export const place: ParamSpec = { kind: 'text', max: 100, bilingual: true, optional: true };
/** A decision's reason (up to 500 characters). */
export const reason: ParamSpec = { kind: 'text', max: 500, optional: true };
export const start: ParamSpec = { kind: 'time' };
export const end: ParamSpec = { kind: 'time' };
