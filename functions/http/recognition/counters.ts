/**
 * The recognition ports of the counting consumers (hours, training): the store and the
 * volunteers' profiles (shown names, ratings), without the notifier, workflow client or signer
 * of ports.ts (issue 17).
 */
import { evaluationRepository } from '../../../shared/db/evaluation-repository.js';
import { volunteerRepository } from '../../../shared/db/volunteer-repository.js';
import { volunteerRating } from '../../../shared/domain/evaluations/anonymity.js';
import type { RecognitionCounters, VolunteerProfiles } from '../../../shared/domain/recognition/ports.js';
import { recognitionStore } from './store.js';

const profiles = (): VolunteerProfiles => {
  const volunteers = volunteerRepository();
  const evaluations = evaluationRepository();
  return {
    async ratings(volunteerIds) {
      const views = await Promise.all(volunteerIds.map(async (id) => volunteerRating(id, await evaluations.volunteerAggregate(id))));
      return new Map(views.flatMap((view) => (view.overall === undefined ? [] : [[view.volunteerId, view.overall] as const])));
    },
    async profile(volunteerId) {
      const record = await volunteers.get(volunteerId);
      if (!record) return undefined;
      return {
        nameAr: record.nameAr,
        nameEn: record.nameEn,
        birthDate: record.birthDate,
        locale: record.preferences.locale,
        ...(record.preferences.showAchievements !== undefined && { showAchievements: record.preferences.showAchievements }),
      };
    },
  };
};

export const recognitionCounters = (): RecognitionCounters => ({ ...recognitionStore(), volunteers: profiles() });
