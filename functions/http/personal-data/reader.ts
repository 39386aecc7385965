/** The ports of the personal-data export: the reader of everything held about a person, and the clock. */
import { systemClock } from '../../../shared/clock.js';
import { personalDataRepository } from '../../../shared/db/personal-data-repository.js';
import type { PersonalDataPorts } from '../../../shared/domain/personal-data/ports.js';

export const personalDataPorts = (): PersonalDataPorts => ({ reader: personalDataRepository(), clock: systemClock });
