/**
 * The region's bucket of prepared personal-data exports (issue 18): KMS-encrypted with its own
 * rotating key, public access blocked, TLS only, versioning off, every object deleted a day after
 * it was written (the emailed link is valid 24 h). Functions reach it through the
 * `exports:write` / `exports:read` needs (infra/constructs/grants.ts).
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export class ExportBucket extends Construct {
  public readonly bucket: Bucket;
  public readonly key: Key;

  constructor(scope: Construct, id: string, props: { readonly removalPolicy: RemovalPolicy }) {
    super(scope, id);
    this.key = new Key(this, 'Key', { description: 'prepared personal-data exports', enableKeyRotation: true, removalPolicy: props.removalPolicy });
    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: false,
      lifecycleRules: [{ id: 'exports-expire-after-a-day', expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: props.removalPolicy,
      autoDeleteObjects: false,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'objects live one day and are written only by the PrepareExport consumer and read only through links the download route presigns; every request for a copy and its download is in the audit trail and the function logs, and server access logs would keep the object keys (volunteer ids) longer than the objects',
    });
  }
}
