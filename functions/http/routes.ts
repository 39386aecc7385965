/**
 * Every HTTP operation of the platform. Each area declares its operation specs next to its
 * handlers (functions/http/<area>/routes.ts); this file only gathers them. The CDK HttpApi
 * construct, the local gateway, the OpenAPI document and the README's route table read this list.
 */
import type { AnyOperation } from './operation.js';
import { applicationOperations } from './applications/routes.js';
import { companyOperations } from './companies/routes.js';
import { hoursOperations } from './hours/routes.js';
import { evaluationOperations } from './evaluations/routes.js';
import { impactOperations } from './impact/routes.js';
import { matchingOperations } from './matching/routes.js';
import { notificationOperations } from './notifications/routes.js';
import { opportunityOperations } from './opportunities/routes.js';
import { organizationOperations } from './organizations/routes.js';
import { personalDataOperations } from './personal-data/routes.js';
import { recognitionOperations } from './recognition/routes.js';
import { referenceOperations } from './reference/routes.js';
import { registerOperations } from './register/routes.js';
import { systemOperations } from './system/routes.js';
import { trainingOperations } from './trainings/routes.js';
import { volunteerOperations } from './volunteers/routes.js';

export const operations: readonly AnyOperation[] = [
  ...systemOperations,
  ...volunteerOperations,
  ...organizationOperations,
  ...opportunityOperations,
  ...referenceOperations,
  ...applicationOperations,
  ...notificationOperations,
  ...matchingOperations,
  ...registerOperations,
  ...trainingOperations,
  ...recognitionOperations,
  ...hoursOperations,
  ...evaluationOperations,
  ...impactOperations,
  ...personalDataOperations,
  ...companyOperations,
];
