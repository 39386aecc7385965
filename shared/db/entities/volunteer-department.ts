/** An organisation's volunteer department, established on approval; GSI1 lists every department (national KPI). */
import { Department } from '../../domain/organizations/schema.js';
import { defineEntity } from './entity.js';
import { organizationPartition } from './partitions.js';

const DEPARTMENTS = 'DEPARTMENTS';

/** The key builders of `volunteerDepartment` apart from its schema: a module that only builds keys does not carry the schema (issue 17). */
export const volunteerDepartmentKeys = {
  item: (orgId: string) => ({ PK: organizationPartition(orgId), SK: 'DEPARTMENT' }),
  index: (establishedAt: string, orgId: string) => ({ GSI1PK: DEPARTMENTS, GSI1SK: `${establishedAt}#${orgId}` }),
  /** GSI1 partition of every department. */
  all: DEPARTMENTS,
};

export const volunteerDepartment = /* @__PURE__ */ defineEntity({
  name: 'VolunteerDepartment',
  schema: Department,
  keys: volunteerDepartmentKeys,
  accessPatterns: [
    { pattern: "an organisation's volunteer department", key: 'PK = ORG#<id> AND SK = DEPARTMENT', index: 'table', operation: 'GetItem' },
    {
      pattern: 'organisations with an established volunteer department (national KPI)',
      key: 'GSI1PK = DEPARTMENTS AND GSI1SK > <since>',
      index: 'GSI1',
      operation: 'Query',
    },
  ],
});
