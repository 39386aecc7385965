/**
 * Every region and stage setting of the CDK app, in one place. `infra/app.ts` synthesises
 * the stacks of every region listed here for the stage chosen with `-c stage=<name>`.
 *
 * Values are validated when read (`resolveConfig`), so a typo fails the synth with a message
 * that shows the bad value instead of a CloudFormation error at deploy time.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** Settings that differ per AWS region. Personal data never leaves the region it lands in. */
export interface RegionSettings {
  /** The AWS region, e.g. `me-central-1`. */
  readonly region: string;
  /** SES identity (domain) that volunteer emails are sent from; verified with DKIM records after deploy. */
  readonly emailDomain: string;
  /** Local part of the sender address (`<local>@<emailDomain>`). */
  readonly emailFromLocalPart: string;
  /** AWS End User Messaging SMS sender ID registered for this region. */
  readonly smsSenderId: string;
  /** ISO 3166-1 alpha-2 country the sender ID is registered for. */
  readonly smsCountry: string;
  /** Receives alarm notifications (SNS email subscription). */
  readonly alarmEmail: string;
  /** Default stage throttling of the HTTP API: steady-state requests per second. */
  readonly throttleRateLimit: number;
  /** Default stage throttling of the HTTP API: burst. */
  readonly throttleBurstLimit: number;
  /** Retention of function and access logs, in days (a CloudWatch Logs retention value). */
  readonly logRetentionDays: number;
}

/** Settings that differ per stage (dev, prod). */
export interface StageSettings {
  /**
   * Removal policy of re-creatable resources (log groups, idempotency table, alarm topic).
   * The main table, its key and the pepper are always retained, whatever the stage.
   */
  readonly ephemeralRemovalPolicy: RemovalPolicy;
  /**
   * Cognito feature plan. `plus` brings threat protection (compromised credentials, adaptive
   * authentication) and is billed per monthly active user, so it is reserved for real users.
   */
  readonly userPoolFeaturePlan: 'essentials' | 'plus';
  /** Powertools log level of every function. */
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Days the domain event archive keeps events (for replay). */
  readonly eventArchiveRetentionDays: number;
  /**
   * The web app of this stage (`https://…`, no trailing slash): every link in an email or SMS
   * (an opportunity, an application, a certificate…) is built on it (`APP_BASE_URL`).
   */
  readonly appBaseUrl: string;
  /**
   * Browser origins allowed to call the HTTP API (CORS, preflight answered by API Gateway):
   * the web apps of volunteers, organisations and the ministry. Exact origins, `https://` only
   * (the local platform allows any `http://localhost:*`, infra/cors.ts).
   */
  readonly corsOrigins: readonly string[];
  /** Per-region overrides for this stage (e.g. lower throttling in dev). */
  readonly regionOverrides?: Readonly<Record<string, Partial<Omit<RegionSettings, 'region'>>>>;
}

export const regions: readonly RegionSettings[] = [
  {
    region: 'me-central-1',
    emailDomain: 'mail.tatawwu.example.sa',
    emailFromLocalPart: 'no-reply',
    smsSenderId: 'TATAWWU',
    smsCountry: 'SA',
    alarmEmail: 'ops-uae@tatawwu.example.sa',
    throttleRateLimit: 500,
    throttleBurstLimit: 1000,
    logRetentionDays: 90,
  },
  {
    region: 'me-south-1',
    emailDomain: 'mail-bh.tatawwu.example.sa',
    emailFromLocalPart: 'no-reply',
    smsSenderId: 'TATAWWU',
    smsCountry: 'SA',
    alarmEmail: 'ops-bh@tatawwu.example.sa',
    throttleRateLimit: 500,
    throttleBurstLimit: 1000,
    logRetentionDays: 90,
  },
];

export const stages: Readonly<Record<string, StageSettings>> = {
  dev: {
    ephemeralRemovalPolicy: RemovalPolicy.DESTROY,
    userPoolFeaturePlan: 'essentials',
    logLevel: 'DEBUG',
    eventArchiveRetentionDays: 7,
    appBaseUrl: 'https://dev.tatawwu.example.sa',
    corsOrigins: ['https://dev.tatawwu.example.sa', 'https://org.dev.tatawwu.example.sa', 'https://ministry.dev.tatawwu.example.sa'],
    regionOverrides: {
      'me-central-1': { throttleRateLimit: 50, throttleBurstLimit: 100, logRetentionDays: 14 },
      'me-south-1': { throttleRateLimit: 50, throttleBurstLimit: 100, logRetentionDays: 14 },
    },
  },
  prod: {
    ephemeralRemovalPolicy: RemovalPolicy.RETAIN,
    userPoolFeaturePlan: 'plus',
    logLevel: 'INFO',
    eventArchiveRetentionDays: 365,
    appBaseUrl: 'https://tatawwu.example.sa',
    corsOrigins: ['https://tatawwu.example.sa', 'https://org.tatawwu.example.sa', 'https://ministry.tatawwu.example.sa'],
  },
};

export const defaultStage = 'dev';

/** The settings of one region for one stage, validated. */
export interface DeploymentConfig extends RegionSettings, Omit<StageSettings, 'regionOverrides'> {
  readonly stage: string;
}

const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const STAGE = /^[a-z][a-z0-9]{1,15}$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const LOCAL_PART = /^[a-z0-9._+-]{1,64}$/;
const SENDER_ID = /^[A-Za-z0-9-]{1,11}$/;
const COUNTRY = /^[A-Z]{2}$/;
const HTTPS_ORIGIN = /^https:\/\/([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(:\d{1,5})?$/;
const RETENTIONS = new Set(Object.values(RetentionDays).filter((v): v is number => typeof v === 'number'));

const check = (ok: boolean, message: string): void => {
  if (!ok) throw new Error(`infra/config.ts: ${message}`);
};

const positiveInt = (value: number, name: string, where: string): void =>
  check(Number.isInteger(value) && value > 0, `${name} must be a positive integer, got ${JSON.stringify(value)} (${where})`);

const validateRegion = (s: RegionSettings, where: string): void => {
  check(REGION.test(s.region), `region must look like "me-central-1", got ${JSON.stringify(s.region)}`);
  check(DOMAIN.test(s.emailDomain), `emailDomain must be a domain name, got ${JSON.stringify(s.emailDomain)} (${where})`);
  check(LOCAL_PART.test(s.emailFromLocalPart), `emailFromLocalPart is not a valid local part: ${JSON.stringify(s.emailFromLocalPart)} (${where})`);
  check(SENDER_ID.test(s.smsSenderId), `smsSenderId must be 1-11 letters, digits or '-', got ${JSON.stringify(s.smsSenderId)} (${where})`);
  check(COUNTRY.test(s.smsCountry), `smsCountry must be an ISO 3166-1 alpha-2 code, got ${JSON.stringify(s.smsCountry)} (${where})`);
  check(EMAIL.test(s.alarmEmail), `alarmEmail must be an email address, got ${JSON.stringify(s.alarmEmail)} (${where})`);
  positiveInt(s.throttleRateLimit, 'throttleRateLimit', where);
  positiveInt(s.throttleBurstLimit, 'throttleBurstLimit', where);
  check(
    s.throttleBurstLimit >= s.throttleRateLimit,
    `throttleBurstLimit (${s.throttleBurstLimit}) must be at least throttleRateLimit (${s.throttleRateLimit}) (${where})`,
  );
  check(
    RETENTIONS.has(s.logRetentionDays),
    `logRetentionDays must be a CloudWatch Logs retention (${[...RETENTIONS].join(', ')}), got ${JSON.stringify(s.logRetentionDays)} (${where})`,
  );
};

/**
 * The validated settings of every configured region for `stage`, in configuration order.
 * Throws with the offending value when the stage is unknown or a setting is malformed.
 */
export const resolveConfig = (
  stage: string,
  config: { regions: readonly RegionSettings[]; stages: Readonly<Record<string, StageSettings>> } = { regions, stages },
): DeploymentConfig[] => {
  check(STAGE.test(stage), `stage must be lower-case letters and digits (2-16), got ${JSON.stringify(stage)}`);
  const settings = config.stages[stage];
  check(settings !== undefined, `unknown stage ${JSON.stringify(stage)}; configured stages: ${Object.keys(config.stages).join(', ')}`);
  const { regionOverrides = {}, ...stageSettings } = settings!;
  check(config.regions.length > 0, 'at least one region must be configured');

  const seen = new Set<string>();
  for (const { region } of config.regions) {
    check(!seen.has(region), `region ${JSON.stringify(region)} is configured twice`);
    seen.add(region);
  }
  for (const region of Object.keys(regionOverrides)) {
    check(seen.has(region), `stage ${JSON.stringify(stage)} overrides unknown region ${JSON.stringify(region)}`);
  }
  positiveInt(stageSettings.eventArchiveRetentionDays, 'eventArchiveRetentionDays', `stage ${stage}`);
  check(HTTPS_ORIGIN.test(stageSettings.appBaseUrl), `appBaseUrl must be an https:// origin without a trailing slash, got ${JSON.stringify(stageSettings.appBaseUrl)} (stage ${stage})`);
  check(stageSettings.corsOrigins.length > 0, `corsOrigins must list at least one origin (stage ${stage})`);
  for (const origin of stageSettings.corsOrigins) {
    check(HTTPS_ORIGIN.test(origin), `corsOrigins must be exact https:// origins (no path, no wildcard), got ${JSON.stringify(origin)} (stage ${stage})`);
  }

  return config.regions.map((base) => {
    const merged: RegionSettings = { ...base, ...regionOverrides[base.region] };
    validateRegion(merged, `stage ${stage}, region ${base.region}`);
    return { stage, ...stageSettings, ...merged };
  });
};
