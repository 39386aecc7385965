/**
 * Where the generated sample event of an operation lives (infra/sample-events.ts writes it; the
 * README's route table links it). Relative to events/.
 */

/** `GetMyVolunteerProfile` → `get-my-volunteer-profile`. */
export const kebab = (id: string): string => id.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();

export const httpSamplePath = (operation: { readonly id: string }): string => `http/${kebab(operation.id)}.json`;
