/**
 * Rules of the registry that both the schemas and the service use, in a module of their own
 * so that handlers which only read profiles do not bundle the validation libraries.
 */

/** Youngest age at which a person may register (younger volunteers join through a guardian's programme). */
export const MIN_VOLUNTEER_AGE = 12;
/** Oldest plausible age; anything above is a typing error in the birth date. */
export const MAX_VOLUNTEER_AGE = 120;
