/**
 * Who is calling: the Cognito user pool behind the HTTP API's JWT authorizer, its groups and
 * the app client of the web and mobile apps. Which organisation or record a caller may touch
 * is decided in the handlers, from the claims (groups, `custom:orgId`, `custom:companyId`).
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  ClientAttributes,
  UserPool,
  UserPoolClient,
  UserPoolGroup,
  type UserPoolEmail,
} from 'aws-cdk-lib/aws-cognito';

/** The groups of DESIGN.md; handlers check membership through the `cognito:groups` claim. */
export const userGroups = ['volunteer', 'org-manager', 'company-admin', 'ministry-reviewer', 'ministry-admin'] as const;
export type UserGroup = (typeof userGroups)[number];

const groupDescriptions: Readonly<Record<UserGroup, string>> = {
  volunteer: 'Registered volunteers',
  'org-manager': 'Certified volunteer managers of an organisation (custom:orgId)',
  'company-admin': 'Administrators of a company programme (custom:companyId)',
  'ministry-reviewer': 'Ministry staff who review organisations and certifications',
  'ministry-admin': 'Ministry administrators',
};

export interface IdentityProps {
  /**
   * Cognito feature plan. `plus` turns on threat protection (compromised credentials,
   * adaptive authentication) in full-function mode; it is billed per monthly active user.
   * @default 'plus'
   */
  readonly featurePlan?: 'essentials' | 'plus';
  /**
   * The pool holds the users' emails and phone numbers.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * How Cognito sends verification emails. Production should send through the region's SES
   * identity (`UserPoolEmail.withSES`) once its domain is verified: Cognito's own sender is
   * limited to a few dozen emails a day.
   * @default - Cognito's default sender
   */
  readonly email?: UserPoolEmail;
}

export class Identity extends Construct {
  public readonly userPool: UserPool;
  /** The client of the web and mobile apps: the audience of the JWT authorizer. */
  public readonly client: UserPoolClient;
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>`: the `iss` of the pool's tokens. */
  public readonly issuerUrl: string;
  /** The pool's signing keys. */
  public readonly jwksUrl: string;

  constructor(scope: Construct, id: string, props: IdentityProps = {}) {
    super(scope, id);
    const plus = (props.featurePlan ?? 'plus') === 'plus';

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
      },
      customAttributes: {
        // Set by the platform (organisation vetting, company enrolment), never by the user:
        // the app client below cannot write them.
        orgId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        companyId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      // TOTP only: SMS MFA would need an SNS role and costs per message.
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: plus ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(plus && { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION }),
      ...(props.email && { email: props.email }),
      deletionProtection: (props.removalPolicy ?? RemovalPolicy.RETAIN) === RemovalPolicy.RETAIN,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });

    for (const group of userGroups) {
      new UserPoolGroup(this, `Group${group.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}`, {
        userPool: this.userPool,
        groupName: group,
        description: groupDescriptions[group],
      });
    }

    const standard = { email: true, givenName: true, familyName: true, phoneNumber: true, locale: true };
    this.client = this.userPool.addClient('AppClient', {
      // Public clients (browser, mobile): a secret could not be kept.
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ ...standard, emailVerified: true, phoneNumberVerified: true })
        .withCustomAttributes('orgId', 'companyId'),
      writeAttributes: new ClientAttributes().withStandardAttributes(standard),
    });

    // Built, not `userPoolProviderUrl`: that attribute has no scheme, and the authorizer and
    // jose compare the `iss` claim as an exact string.
    const { region, urlSuffix } = Stack.of(this);
    this.issuerUrl = `https://cognito-idp.${region}.${urlSuffix}/${this.userPool.userPoolId}`;
    this.jwksUrl = `${this.issuerUrl}/.well-known/jwks.json`;

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP) so that volunteer self sign-up at national scale is not blocked; the apps prompt staff groups to enrol',
    });
    if (!plus) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'this stage runs on the Essentials plan: threat protection is billed per monthly active user and a non-production stage has no real users (prod uses Plus, see infra/config.ts)',
      });
    }
  }
}
