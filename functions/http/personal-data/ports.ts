/** The composition root of the personal-data area: the ports its handlers and workflow tasks hand to the services. */
import { systemClock } from '../../../shared/clock.js';
import { personalDataRepository } from '../../../shared/db/personal-data-repository.js';
import type { PersonalDataPorts } from '../../../shared/domain/personal-data/ports.js';

export const personalDataPorts = (): PersonalDataPorts => ({ reader: personalDataRepository(), clock: systemClock });
