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
import type { UserDirectory } from '../domain/organizations/service.js';
import { env } from '../env.js';

let client: CognitoIdentityProviderClient | undefined;

export const cognitoUserDirectory = (userPoolId: string): UserDirectory => ({
  async grantOrganizationManager(sub, orgId) {
    client ??= new CognitoIdentityProviderClient({ region: env.region });
    // The pool signs in by email (username attributes), so each user's username is their sub.
    await client.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username: sub, UserAttributes: [{ Name: 'custom:orgId', Value: orgId }] }),
    );
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: sub, GroupName: 'org-manager' }));
  },
});

export interface RecordingUserDirectory extends UserDirectory {
  readonly grants: readonly { sub: string; orgId: string }[];
}

const globalKey = Symbol.for('tatawwu.localUserDirectory');
const holder = globalThis as unknown as Record<symbol, RecordingUserDirectory | undefined>;

/** The local stand-in: remembers the grants (shared by every module instance in the process). */
export const localUserDirectory: RecordingUserDirectory = (holder[globalKey] ??= (() => {
  const grants: { sub: string; orgId: string }[] = [];
  return {
    grants,
    async grantOrganizationManager(sub: string, orgId: string) {
      grants.push({ sub, orgId });
    },
  };
})());

export const userDirectory = (): UserDirectory => {
  if (env.mode === 'local') return localUserDirectory;
  const userPoolId = process.env.USER_POOL_ID;
  if (!userPoolId) throw new Error('missing environment variable USER_POOL_ID');
  return cognitoUserDirectory(userPoolId);
};
