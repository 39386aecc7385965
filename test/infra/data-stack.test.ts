import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { idempotencyTable, mainTable } from '../../shared/db/table.js';
import { resolveConfig } from '../../infra/config.js';
import { logicalIdOf, synthesize, type Synthesized } from './synth.js';

let synth: Synthesized;
beforeAll(() => {
  // The data stacks bundle nothing; the platform stacks are not asserted here.
  synth = synthesize({ bundle: false });
}, 300_000);

const configured = resolveConfig('dev');

describe.each(configured.map((c) => [c.region]))('data stack in %s', (region) => {
  const stacks = () => synth.stacks.find((s) => s.config.region === region)!;
  const template = () => synth.template(stacks().data);
  const mainTableResource = () => {
    const tables = template().findResources('AWS::DynamoDB::Table', {
      Properties: { KeySchema: [{ AttributeName: mainTable.partitionKey, KeyType: 'HASH' }, Match.anyValue()] },
    });
    expect(Object.keys(tables)).toHaveLength(1);
    return Object.values(tables)[0]!;
  };

  it('is deployed to its configured region under a stage-and-region id', () => {
    expect(stacks().data.region).toBe(region);
    expect(stacks().data.stackName).toBe(`Tatawwu-dev-${region}-Data`);
  });

  it('keeps the main table on point-in-time recovery and deletion protection', () => {
    expect(mainTableResource().Properties).toMatchObject({
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  it('retains the main table when it leaves the stack', () => {
    expect(mainTableResource()).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('builds the main table from the shared definition: keys, TTL and every index', () => {
    const props = mainTableResource().Properties;
    expect(props.KeySchema).toEqual([
      { AttributeName: mainTable.partitionKey, KeyType: 'HASH' },
      { AttributeName: mainTable.sortKey, KeyType: 'RANGE' },
    ]);
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(props.BillingMode).toBe('PAY_PER_REQUEST');
    expect(
      (props.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown }[]).map((i) => ({ name: i.IndexName, keys: i.KeySchema })),
    ).toEqual(
      mainTable.indexes.map((i) => ({
        name: i.indexName,
        keys: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
      })),
    );
    expect(mainTable.indexes.map((i) => i.indexName)).toEqual(['GSI1', 'GSI2', 'GSI3']);
  });

  it('encrypts the main table with the rotating customer-managed key', () => {
    const keyId = logicalIdOf(stacks().data.key);
    expect(mainTableResource().Properties.SSESpecification).toEqual({
      SSEEnabled: true,
      SSEType: 'KMS',
      KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
    template().hasResource('AWS::KMS::Key', {
      Properties: { EnableKeyRotation: true },
      DeletionPolicy: 'Retain',
    });
  });

  it('streams the new images of the main table (the outbox pipe reads them)', () => {
    expect(mainTableResource().Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
  });

  it('creates the idempotency table from its definition, encrypted and recoverable', () => {
    template().hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: idempotencyTable.partitionKey, KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: idempotencyTable.timeToLiveAttribute, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
    });
  });

  it('keeps every table in the region: no global tables, no replicas', () => {
    template().resourceCountIs('AWS::DynamoDB::GlobalTable', 0);
    for (const table of Object.values(template().findResources('AWS::DynamoDB::Table'))) {
      expect(table.Properties.Replicas).toBeUndefined();
    }
  });

  it('generates the national-ID pepper as a retained secret under the data key', () => {
    template().hasResource('AWS::SecretsManager::Secret', {
      Properties: {
        GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
        KmsKeyId: { 'Fn::GetAtt': [logicalIdOf(stacks().data.key), 'Arn'] },
      },
      DeletionPolicy: 'Retain',
    });
  });

  it('creates a retained asymmetric P-256 signing key for certificates', () => {
    template().hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }),
      DeletionPolicy: 'Retain',
    });
  });

  it('creates a custom domain event bus with an archive of its events', () => {
    const busId = logicalIdOf(stacks().data.eventBus);
    template().hasResourceProperties('AWS::Events::EventBus', { KmsKeyIdentifier: Match.anyValue() });
    template().hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [busId, 'Arn'] },
      RetentionDays: configured.find((c) => c.region === region)!.eventArchiveRetentionDays,
    });
  });
});
