/**
 * Every number that shapes matching, in one place: the factor weights of the score, the
 * hard limits that exclude a pair, and the volume limits of results and invitations.
 *
 * A score is the sum of the factor points below (at most `maxScore` = 100). Ranking only
 * compares scores of the same volunteer (matches) or of the same opportunity (candidates),
 * so the weights say what matters more, not what a score "means" in absolute terms.
 */
export const weights = {
  /** The volunteer holds one of the professions the opportunity requires (skills-based volunteering). */
  profession: 30,
  /** Share of the required skills met at the required level (a lower level earns half its share). */
  skills: 20,
  /** Closeness: full points at 0 km, none at `maxDistanceKm`. */
  distance: 15,
  /** Share of the best shift's time inside the volunteer's weekly availability (Asia/Riyadh). */
  availability: 15,
  /** The opportunity's cause is one of the volunteer's interests. */
  interest: 10,
  /** Share of the opportunity's working languages the volunteer speaks. */
  language: 10,
} as const;

export type Factor = keyof typeof weights;

export const maxScore: number = /* @__PURE__ */ Object.values(weights).reduce((sum, w) => sum + w, 0);

/**
 * A remote opportunity gets this share of the distance points: it can be done from anywhere,
 * but in-person work near home should not be outranked by it merely for being remote.
 */
export const remoteDistanceShare = 0.5;

/** A lower level than required still earns this share of that skill's points (it does not meet the gate). */
export const lowerLevelSkillShare = 0.5;

export const limits = {
  /** On-site opportunities farther than this from the volunteer are excluded. */
  maxDistanceKm: 50,
  /**
   * Weekly availability is a hard rule only for shifts starting within this many days: a
   * volunteer can arrange a shift weeks ahead outside their usual slots, so a later shift is
   * eligible whatever it overlaps, and earns availability points for what it does.
   */
  availabilityHardWithinDays: 7,
  /** Working languages assumed when an opportunity states none. */
  defaultLanguages: ['ar'] as readonly string[],
  /** Ranked matches kept per volunteer (GET /v1/volunteers/me/matches pages through them). */
  matchesPerVolunteer: 20,
  /** Ranked candidates kept per opportunity (GET /v1/opportunities/{id}/candidates). */
  candidatesPerOpportunity: 50,
  /** The top K eligible volunteers of a newly published opportunity are invited. */
  invitationsPerOpportunity: 10,
  /** At most N invitations per volunteer per ISO week (Asia/Riyadh). */
  invitationsPerVolunteerPerWeek: 3,
  /** Upper bound of volunteer posting items read per posting key when ranking an opportunity's candidates. */
  candidatePostingsPerKey: 5_000,
} as const;
