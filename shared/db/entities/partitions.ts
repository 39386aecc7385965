/**
 * Partition keys that several entities share: a volunteer's partition holds their profile,
 * charter acceptances, consent trail, applied markers and bookings; an organisation's its
 * profile, history, department and managers; an opportunity's the opportunity and its shifts.
 * Only entity modules import this.
 */
export const volunteerPartition = (sub: string): string => `VOL#${sub}`;
export const organizationPartition = (orgId: string): string => `ORG#${orgId}`;
export const opportunityPartition = (opportunityId: string): string => `OPP#${opportunityId}`;
export const companyPartition = (companyId: string): string => `COMPANY#${companyId}`;
