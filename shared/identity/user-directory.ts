/**
 * Making a user an organisation's manager in the identity provider. In the cloud that is
 * Cognito: the user joins the `org-manager` group and gets `custom:orgId`, which their next ID
 * token carries. Locally there is no user pool (the local issuer mints tokens with any claims),
 * so the grant is only recorded in memory; the manager item in the table is the record of truth
 * in both modes.
 */
import {
  AdminAddUserToGroupCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { jsonService, type JsonCall } from '../aws/json-service.js';
import type { AwsAccess } from '../aws/signed-sender.js';
import type { CompanyDirectory } from '../domain/companies/ports.js';
import type { UserDirectory } from '../domain/organizations/service.js';
import { env } from '../env.js';
import { traced } from '../powertools/tracer.js';

let client: CognitoIdentityProviderClient | undefined;

export const cognitoUserDirectory = (userPoolId: string): UserDirectory => ({
  async grantOrganizationManager(sub, orgId) {
    client ??= traced(new CognitoIdentityProviderClient({ region: env.region }));
    // The pool signs in by email (username attributes), so each user's username is their sub.
    await client.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username: sub, UserAttributes: [{ Name: 'custom:orgId', Value: orgId }] }),
    );
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: sub, GroupName: 'org-manager' }));
  },
});

/**
 * A user who registers a volunteer profile joins the `volunteer` group, so that their next ID
 * token carries it (the `/me` routes require it). Adding a user to a group they are already in
 * succeeds, so redelivered events are harmless.
 */
export interface VolunteerDirectory {
  grantVolunteer(sub: string): Promise<void>;
}

/**
 * Cognito's AdminAddUserToGroup as the traced client sends it (`traced(new
 * CognitoIdentityProviderClient({ region })).send(new AdminAddUserToGroupCommand(…))`), without the
 * client (shared/aws/json-service.ts: the same request, retries, errors and subsegment), so that
 * registering a volunteer does not load the client's service model (~2 ms of its cold start, issue 17).
 */
export const adminAddUserToGroup = (access: AwsAccess) => {
  const call = jsonService({ traceName: 'CognitoIdentityProvider', signingName: 'cognito-idp', endpointPrefix: 'cognito-idp' }, access);
  return async (input: { UserPoolId: string; Username: string; GroupName: string }): Promise<void> => {
    const request: JsonCall = { operation: 'AdminAddUserToGroup', target: 'AWSCognitoIdentityProviderService.AdminAddUserToGroup', contentType: 'application/x-amz-json-1.1', body: input };
    await call(request);
  };
};

let addToGroup: ReturnType<typeof adminAddUserToGroup> | undefined;

export const cognitoVolunteerDirectory = (userPoolId: string, add = (addToGroup ??= adminAddUserToGroup({ region: env.region, credentials: defaultProvider() }))): VolunteerDirectory => ({
  async grantVolunteer(sub) {
    await add({ UserPoolId: userPoolId, Username: sub, GroupName: 'volunteer' });
  },
});

/** A company admin: the `company-admin` group and `custom:companyId` (one company per admin). */
export const cognitoCompanyDirectory = (userPoolId: string): CompanyDirectory => ({
  async grantCompanyAdmin(sub, companyId) {
    client ??= new CognitoIdentityProviderClient({ region: env.region });
    await client.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username: sub, UserAttributes: [{ Name: 'custom:companyId', Value: companyId }] }),
    );
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: sub, GroupName: 'company-admin' }));
  },
});

export interface RecordingUserDirectory extends UserDirectory, VolunteerDirectory, CompanyDirectory {
  readonly grants: readonly { sub: string; orgId: string }[];
  readonly companyAdmins: readonly { sub: string; companyId: string }[];
  readonly volunteers: ReadonlySet<string>;
}

const globalKey = /* @__PURE__ */ Symbol.for('tatawwu.localUserDirectory');
const holder = globalThis as unknown as Record<symbol, RecordingUserDirectory | undefined>;

/** The local stand-in: remembers the grants (shared by every module instance in the process). */
export const localUserDirectory: RecordingUserDirectory = /* @__PURE__ */ (() =>
  (holder[globalKey] ??= /* @__PURE__ */ (() => {
    const grants: { sub: string; orgId: string }[] = [];
    const companyAdmins: { sub: string; companyId: string }[] = [];
    const volunteers = new Set<string>();
    return {
      grants,
      companyAdmins,
      volunteers,
      async grantCompanyAdmin(sub: string, companyId: string) {
        companyAdmins.push({ sub, companyId });
      },
      async grantOrganizationManager(sub: string, orgId: string) {
        grants.push({ sub, orgId });
      },
      async grantVolunteer(sub: string) {
        volunteers.add(sub);
      },
    };
  })()))();

const userPoolId = (): string => {
  const id = process.env.USER_POOL_ID;
  if (!id) throw new Error('missing environment variable USER_POOL_ID');
  return id;
};

export const userDirectory = (): UserDirectory =>
  env.mode === 'local' ? localUserDirectory : cognitoUserDirectory(userPoolId());

export const volunteerDirectory = (): VolunteerDirectory =>
  env.mode === 'local' ? localUserDirectory : cognitoVolunteerDirectory(userPoolId());

export const companyDirectory = (): CompanyDirectory =>
  env.mode === 'local' ? localUserDirectory : cognitoCompanyDirectory(userPoolId());
