/**
 * The stateful stack of one region: everything that holds personal data or must survive a
 * redeploy of the platform. The stateless platform stack references these resources.
 */
import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { SingleTable } from '../constructs/single-table.js';
import { idempotencyTable, mainTable } from '../../shared/db/table.js';
import type { DeploymentConfig } from '../config.js';

export interface DataStackProps extends StackProps {
  readonly config: DeploymentConfig;
}

export class DataStack extends Stack {
  /** Encrypts the tables, the pepper secret and the event bus. */
  public readonly key: Key;
  /** The single table of the domain (`shared/db/table.ts` → `mainTable`). */
  public readonly table: ITable;
  /** Idempotency records of `Idempotency-Key` (`shared/db/table.ts` → `idempotencyTable`). */
  public readonly idempotencyTable: ITable;
  /**
   * Export name of the main table's ARN. The platform stack imports the table by this stable
   * name rather than through an automatic (hash-named) cross-stack reference, so that the one
   * IAM wildcard it needs (`<table ARN>/index/*`) has a predictable text to acknowledge.
   */
  public readonly tableArnExportName: string;
  /** The secret pepper used to derive national-ID lookup keys. */
  public readonly nationalIdPepper: Secret;
  /** The key of the rotating attendance codes of shifts (HMAC). */
  public readonly attendanceCodeKey: Secret;
  /** The domain event bus. */
  public readonly eventBus: EventBus;
  /**
   * Signs certificates (ES256): an asymmetric key whose private half never leaves KMS. To
   * rotate, add a new key, move this id to it and keep the old one as a previous key of the
   * platform stack (its public key stays in the JWKS).
   */
  public readonly signingKey: Key;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.key = new Key(this, 'DataKey', {
      description: `Tatawwu ${config.stage} ${config.region}: personal data at rest (tables, pepper, events)`,
      enableKeyRotation: true,
      // Losing the key loses every record it encrypts: never delete it with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = new SingleTable(this, 'Table', {
      definition: mainTable,
      encryptionKey: this.key,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      stream: true,
    }).table;
    this.tableArnExportName = `${this.stackName}-TableArn`;
    this.exportValue(this.table.tableArn, { name: this.tableArnExportName });

    this.idempotencyTable = new SingleTable(this, 'IdempotencyTable', {
      definition: idempotencyTable,
      encryptionKey: this.key,
      // Idempotency records expire within hours; they can be lost with a dev stack.
      removalPolicy: config.ephemeralRemovalPolicy,
      deletionProtection: config.ephemeralRemovalPolicy === RemovalPolicy.RETAIN,
      stream: false,
    }).table;

    this.nationalIdPepper = new Secret(this, 'NationalIdPepper', {
      description: 'Pepper of the HMAC that turns a national ID / iqama into its lookup key',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.nationalIdPepper).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'the pepper keys the stored national-ID lookup hashes; rotating it would orphan every stored hash, so it is rotated only by a planned re-hash migration, not automatically',
    });

    this.signingKey = new Key(this, 'CredentialSigningKey', {
      description: `Tatawwu ${config.stage} ${config.region}: signs certificates of volunteering (ES256)`,
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      // Issued certificates are verified with this key's public half for years: never delete it.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.attendanceCodeKey = new Secret(this, 'AttendanceCodeKey', {
      description: 'HMAC key of the rotating attendance codes managers show at shifts',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.attendanceCodeKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'the codes it signs live 10 minutes; it is rotated by replacing the secret value (codes on screens at that moment are shown again), no rotation Lambda needed',
    });

    this.eventBus = new EventBus(this, 'DomainEvents', {
      description: `Tatawwu domain events (${config.stage})`,
      kmsKey: this.key,
    });
    this.eventBus.archive('Archive', {
      description: 'every domain event, for replay after a consumer fix',
      eventPattern: { account: [this.account] },
      retention: Duration.days(config.eventArchiveRetentionDays),
      kmsKey: this.key,
    });
  }
}
