/**
 * The ports the company handlers hand to the services: the real adapters, built per call
 * (each a cheap wrapper over process-wide clients).
 */
import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import { systemClock } from '../../../shared/clock.js';
import { companyContributionRepository } from '../../../shared/db/company-contribution-repository.js';
import { companyEmployeeRepository } from '../../../shared/db/company-employee-repository.js';
import { applicationCoreRepository } from '../../../shared/db/application-repository.js';
import { companyProgramRepository } from '../../../shared/db/company-program-repository.js';
import { companyReads } from '../../../shared/db/company-reads.js';
import { companyRepository } from '../../../shared/db/company-repository.js';
import { companyTeamRepository } from '../../../shared/db/company-team-repository.js';
import { organizationStatusReads } from '../../../shared/db/organization-reads.js';
import { bookingReads } from '../../../shared/db/booking-reads.js';
import { joinCodes } from '../../../shared/db/join-codes.js';
import { opportunityReads } from '../../../shared/db/opportunity-reads.js';
import { trainingCompletions } from '../../../shared/db/training-completions.js';
import { screeningProfiles } from '../../../shared/db/volunteer-fields.js';
import type { CompanyDeps, EmployeeDeps, MembershipDeps, OnboardingWorkflow, ProgramDeps, TeamEventDeps, TeamReserveDeps } from '../../../shared/domain/companies/ports.js';
import { DecisionNotOpenError } from '../../../shared/domain/organizations/errors.js';
import { emailSender } from '../../../shared/messaging/email.js';
import { decisionNotOpenText, resumeDecision, workflowClient } from '../../../shared/workflows/client.js';

export const WORKFLOW = 'CompanyOnboarding';

/** Execution name derived from the company id: a retried start finds the same execution. */
export const executionName = (companyId: string) => `company-${companyId}`;

export const companyOnboardingWorkflow = (): OnboardingWorkflow => ({
  async start(companyId) {
    await workflowClient().start(WORKFLOW, { companyId }, { executionName: executionName(companyId) });
  },
  resume: (taskToken, decision) =>
    resumeDecision(taskToken, decision, {
      rejectedError: 'CompanyRejected',
      rejectedCause: 'rejected by a ministry reviewer',
      notOpen: (cause) => new DecisionNotOpenError(decisionNotOpenText(cause.reason, 'decide again once the reviewers are reminded'), { cause }),
    }),
});

export const companyPorts = (): CompanyDeps => ({ repo: companyRepository(), clock: systemClock, ids: () => ulid() });

/** The apps' origin, for the links in the code emails. */
const appUrl = () => (process.env.PUBLIC_BASE_URL ?? 'https://tatawwu.sa').replace(/\/+$/, '');

/** Joining, leaving and the employee list: the company and its employees, no email sender (issue 17: SES and SMS clients stay out). */
export const membershipPorts = (): MembershipDeps => ({ ...companyPorts(), employees: companyEmployeeRepository() });

/** Inviting employees and domain codes: the company read, the codes' write, the email sender and the code randomness; not the company and employee repositories (issue 17). */
export const employeePorts = (): EmployeeDeps => ({
  repo: companyReads(),
  employees: joinCodes(),
  clock: systemClock,
  email: emailSender(),
  randomBytes: (size) => randomBytes(size),
  appUrl: appUrl(),
});

/** The programmes: the company read, the application, opportunity and organisation status reads; no company, application, opportunity or organisation repository (issue 17). */
export const programPorts = (): ProgramDeps => ({
  repo: companyReads(),
  clock: systemClock,
  ids: () => ulid(),
  programs: companyProgramRepository(),
  employees: companyEmployeeRepository(),
  reads: {
    application: (id) => applicationCoreRepository().get(id),
    opportunityCauses: async (id) => {
      const found = await opportunityReads().get(id);
      return found ? [found.opportunity.category] : [];
    },
    eligibleOrganization: async (orgId) => (await organizationStatusReads().get(orgId))?.status === 'active',
  },
});

export const reportPorts = () => {
  const store = companyContributionRepository();
  const employees = companyEmployeeRepository();
  const companies = companyRepository();
  return {
    clock: systemClock,
    reads: { months: store.months, counts: (id: string) => employees.counts(id), company: (id: string) => companies.get(id) },
  };
};

/** Listing team events: the memberships and the team events only (issue 17). */
export const teamListPorts = (): Pick<TeamEventDeps, 'employees' | 'teams'> => ({ teams: companyTeamRepository(), employees: companyEmployeeRepository() });

/** Reserving team seats: the company, the team events and the opportunity read; no volunteer, training or application repository (issue 17). */
export const teamReservePorts = (): TeamReserveDeps => ({ ...companyPorts(), teams: companyTeamRepository(), reads: { opportunities: opportunityReads() } });

/**
 * Claiming a team seat: the screening reads of applying (the profile fields by projection, the
 * opportunity, the training completions, the volunteer's bookings); no volunteer, training,
 * opportunity or application repository (issue 17).
 */
export const teamPorts = (): TeamEventDeps => ({
  ...companyPorts(),
  teams: companyTeamRepository(),
  employees: companyEmployeeRepository(),
  reads: { opportunities: opportunityReads(), volunteers: screeningProfiles(), training: trainingCompletions(), applications: bookingReads() },
});
