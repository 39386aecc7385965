import { describe, expect, it } from 'vitest';
import { regions, resolveConfig, stages, type RegionSettings } from '../../infra/config.js';

const base = regions[0]!;
const withRegion = (override: Partial<RegionSettings>) => ({ regions: [{ ...base, ...override }], stages });

describe('resolveConfig', () => {
  it('configures me-central-1 and me-south-1 for dev and prod', () => {
    for (const stage of ['dev', 'prod']) {
      expect(resolveConfig(stage).map((c) => c.region)).toEqual(expect.arrayContaining(['me-central-1', 'me-south-1']));
    }
  });

  it("applies a stage's per-region overrides over the region's settings", () => {
    const devCentral = resolveConfig('dev').find((c) => c.region === 'me-central-1')!;
    expect(devCentral.throttleRateLimit).toBe(stages.dev!.regionOverrides!['me-central-1']!.throttleRateLimit);
  });

  it('rejects an unknown stage, naming it and the known ones', () => {
    expect(() => resolveConfig('qa')).toThrow('unknown stage "qa"; configured stages: dev, prod');
  });

  it('rejects a malformed region, showing it', () => {
    expect(() => resolveConfig('prod', withRegion({ region: 'middle-east' }))).toThrow('got "middle-east"');
  });

  it('rejects a burst below the rate, showing both', () => {
    expect(() => resolveConfig('prod', withRegion({ throttleRateLimit: 100, throttleBurstLimit: 50 }))).toThrow(
      'throttleBurstLimit (50) must be at least throttleRateLimit (100)',
    );
  });

  it('rejects a log retention CloudWatch does not offer, showing it', () => {
    expect(() => resolveConfig('prod', withRegion({ logRetentionDays: 42 }))).toThrow('got 42');
  });

  it('gives every stage an https app base URL and CORS origins', () => {
    for (const stage of ['dev', 'prod']) {
      const [config] = resolveConfig(stage);
      expect(config!.appBaseUrl).toMatch(/^https:\/\//);
      expect(config!.corsOrigins).toContain(config!.appBaseUrl);
    }
  });

  it('rejects a CORS origin that is a wildcard or not https, showing it', () => {
    const withOrigins = (corsOrigins: string[]) => ({ regions, stages: { ...stages, prod: { ...stages.prod!, corsOrigins } } });
    expect(() => resolveConfig('prod', withOrigins(['*']))).toThrow('got "*"');
    expect(() => resolveConfig('prod', withOrigins(['http://tatawwu.example.sa']))).toThrow('got "http://tatawwu.example.sa"');
  });

  it('rejects a region configured twice', () => {
    expect(() => resolveConfig('prod', { regions: [base, base], stages })).toThrow(`region "${base.region}" is configured twice`);
  });
});
