/**
 * Erasure of a sign-in account (issue 18). In the cloud: the Cognito user is disabled (its
 * tokens stop being refreshed at once) and then deleted; a user already gone counts as done,
 * so a resumed erasure passes. Locally there is no user pool: the local issuer stands in for
 * it, and the stand-in here records the erased users (shared by every module instance of the
 * process), which the local issuer consults before minting a token.
 */
import { AdminDeleteUserCommand, AdminDisableUserCommand, CognitoIdentityProviderClient, UserNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import { env } from '../env.js';

export interface IdentityEraser {
  disableAndDelete(sub: string): Promise<void>;
}

let client: CognitoIdentityProviderClient | undefined;

const gone = (error: unknown) => {
  if (!(error instanceof UserNotFoundException)) throw error;
};

export const cognitoIdentityEraser = (userPoolId: string): IdentityEraser => ({
  async disableAndDelete(sub) {
    client ??= new CognitoIdentityProviderClient({ region: env.region });
    // The pool signs in by email (username attributes), so each user's username is their sub.
    await client.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: sub })).catch(gone);
    await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: sub })).catch(gone);
  },
});

export interface LocalIdentityEraser extends IdentityEraser {
  readonly erased: ReadonlySet<string>;
}

const globalKey = /* @__PURE__ */ Symbol.for('tatawwu.localIdentityEraser');
const holder = globalThis as unknown as Record<symbol, LocalIdentityEraser | undefined>;

export const localIdentityEraser: LocalIdentityEraser = /* @__PURE__ */ (() =>
  (holder[globalKey] ??= /* @__PURE__ */ (() => {
    const erased = new Set<string>();
    return {
      erased,
      async disableAndDelete(sub: string) {
        erased.add(sub);
      },
    };
  })()))();

export const identityEraser = (): IdentityEraser => {
  if (env.mode === 'local') return localIdentityEraser;
  const id = process.env.USER_POOL_ID;
  if (!id) throw new Error('missing environment variable USER_POOL_ID');
  return cognitoIdentityEraser(id);
};
