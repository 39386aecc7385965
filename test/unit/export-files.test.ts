import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FILE_LINK_SECONDS, objectKeyOf } from '../../shared/domain/personal-data/export-jobs.js';
import { s3ExportLink } from '../../shared/storage/export-files.js';

const region = 'me-central-1';
const bucket = 'tatawwu-data-exportsbucket3a1b2c3d-1q2w3e4r5t6y';
const credentials = { accessKeyId: 'ASIAEXAMPLEKEYID', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'IQoJb3JpZ2luX2VjE+/token==' };

/** What the download answered before (issue 17): the S3 client's presigned GetObject. */
const sdkLink = (key: string, seconds: number) =>
  getSignedUrl(
    new S3Client({ region, credentials }),
    new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: 'attachment; filename="tatawwu-personal-data.zip"' }),
    { expiresIn: seconds },
  );

describe('s3ExportLink', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T02:45:07Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("signs a prepared export's key as the S3 client's presigner does", async () => {
    const key = objectKeyOf('3b0c6a2e-8f4e-4f7e-9d1a-0c2b5e6f7a8b', '01JEXAMPLE0EXPORT0ID000000');
    expect(await s3ExportLink(bucket, region, credentials)(key, FILE_LINK_SECONDS)).toBe(await sdkLink(key, FILE_LINK_SECONDS));
  });

  it('encodes keys with reserved and non-ASCII characters as the S3 client does', async () => {
    const keys = ["exports/a b/c+d=e&f?g#h.zip", "exports/x!'()*~/y.zip", 'exports/عربي/ä.zip', 'exports//double/slash.zip'];
    const link = s3ExportLink(bucket, region, credentials);
    expect(await Promise.all(keys.map((key) => link(key, 60)))).toEqual(await Promise.all(keys.map((key) => sdkLink(key, 60))));
  });
});
