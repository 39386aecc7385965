/**
 * Runtime settings read from the environment. Read lazily (getters) so that tests and the
 * local runner can point a handler module at their own table before first use.
 */
const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
};

export const env = {
  get tableName(): string {
    return required('TABLE_NAME');
  },
  get idempotencyTableName(): string {
    return process.env.IDEMPOTENCY_TABLE_NAME ?? required('TABLE_NAME');
  },
  get eventBusName(): string {
    return process.env.EVENT_BUS_NAME ?? 'local';
  },
  /** Set by the local platform and the tests: endpoints of the local stand-ins. */
  get dynamoEndpoint(): string | undefined {
    return process.env.DYNAMODB_ENDPOINT;
  },
  get sesEndpoint(): string | undefined {
    return process.env.SES_ENDPOINT;
  },
  /** `local` runs against the local stand-ins (in-process event bus, local workflow runner). */
  get mode(): 'cloud' | 'local' {
    return process.env.TATAWWU_MODE === 'local' ? 'local' : 'cloud';
  },
  /**
   * Secret used to derive a stable, non-reversible lookup key of national IDs. Set directly
   * only locally and in tests; in the cloud it is read from Secrets Manager (next setting).
   * See shared/security/national-id-pepper.ts.
   */
  get nationalIdPepper(): string | undefined {
    return process.env.NATIONAL_ID_PEPPER || undefined;
  },
  /** ARN of the Secrets Manager secret holding the national-ID pepper (cloud). */
  get nationalIdPepperSecretArn(): string | undefined {
    return process.env.NATIONAL_ID_PEPPER_SECRET_ARN || undefined;
  },
  get region(): string {
    return process.env.AWS_REGION ?? 'me-central-1';
  },
};
