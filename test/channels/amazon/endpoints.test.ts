import { describe, expect, it } from 'vitest';
import { resolveEndpoints } from '../../../src/channels/amazon/endpoints.js';
import { explainIssue } from '../../../src/channels/amazon/error-explanations.js';
import { InputError } from '../../../src/errors.js';
import { amazonConfig } from './helpers.js';

describe('endpoints per region and environment', () => {
  it('production and sandbox hosts, one LWA host, the region document bucket', () => {
    expect(resolveEndpoints(amazonConfig())).toEqual({
      endpoint: 'https://sellingpartnerapi-eu.amazon.com',
      tokenEndpoint: 'https://api.amazon.com/auth/o2/token',
      documentOrigins: ['https://sellingpartnerapi-eu.amazon.com', 'https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com'],
    });
    expect(resolveEndpoints(amazonConfig({ region: 'na', environment: 'sandbox' }))).toMatchObject({
      endpoint: 'https://sandbox.sellingpartnerapi-na.amazon.com',
      documentOrigins: ['https://sandbox.sellingpartnerapi-na.amazon.com', 'https://d34o8swod1owfl.cloudfront.net'],
    });
    expect(resolveEndpoints(amazonConfig({ region: 'fe' })).endpoint).toBe('https://sellingpartnerapi-fe.amazon.com');
  });

  it('the simulator serves token and documents under its own prefix, and must be named', () => {
    expect(resolveEndpoints(amazonConfig({ environment: 'simulator', endpoint: 'http://127.0.0.1:4567/amazon/' }))).toEqual({
      endpoint: 'http://127.0.0.1:4567/amazon',
      tokenEndpoint: 'http://127.0.0.1:4567/amazon/auth/o2/token',
      documentOrigins: ['http://127.0.0.1:4567'],
    });
    expect(() => resolveEndpoints(amazonConfig({ environment: 'simulator' }))).toThrow(InputError);
  });
});

describe('overridden endpoints: every request goes to a configured host', () => {
  it('Amazon document buckets only beside Amazon\'s own host for the region', () => {
    expect(resolveEndpoints(amazonConfig({ endpoint: 'https://sellingpartnerapi-eu.amazon.com/' }))).toEqual({
      endpoint: 'https://sellingpartnerapi-eu.amazon.com',
      tokenEndpoint: 'https://api.amazon.com/auth/o2/token',
      documentOrigins: ['https://sellingpartnerapi-eu.amazon.com', 'https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com'],
    });
    expect(resolveEndpoints(amazonConfig({ environment: 'sandbox', endpoint: 'https://sandbox.sellingpartnerapi-eu.amazon.com' })).documentOrigins).toEqual([
      'https://sandbox.sellingpartnerapi-eu.amazon.com',
      'https://d34o8swod1owfl.cloudfront.net',
    ]);
    expect(
      resolveEndpoints(amazonConfig({ endpoint: 'https://spapi-proxy.example.com/sp', tokenEndpoint: 'https://spapi-proxy.example.com/token' })),
    ).toEqual({
      endpoint: 'https://spapi-proxy.example.com/sp',
      tokenEndpoint: 'https://spapi-proxy.example.com/token',
      documentOrigins: ['https://spapi-proxy.example.com'],
    });
    // A loopback test server outside the simulator environment: still only its own origin.
    expect(
      resolveEndpoints(amazonConfig({ environment: 'sandbox', endpoint: 'http://127.0.0.1:9/amazon', tokenEndpoint: 'http://127.0.0.1:9/amazon/auth/o2/token' })).documentOrigins,
    ).toEqual(['http://127.0.0.1:9']);
  });

  it('a non-Amazon endpoint without tokenEndpoint is an input error, not a token call to api.amazon.com', () => {
    const resolve = () => resolveEndpoints(amazonConfig({ endpoint: 'https://spapi-proxy.example.com/sp' }));
    expect(resolve).toThrow(InputError);
    expect(resolve).toThrow(/spapi-proxy\.example\.com.*channels\.amazon\.tokenEndpoint/);
    expect(() => resolveEndpoints(amazonConfig({ environment: 'sandbox', endpoint: 'http://127.0.0.1:9/amazon' }))).toThrow(/tokenEndpoint/);
  });
});

describe('issue explanations', () => {
  it('by code, then by the model categories, else none', () => {
    expect(explainIssue('8541')).toContain('EAN');
    expect(explainIssue('123456', ['INVALID_PRICE'])).toContain('price');
    expect(explainIssue('123456')).toBeUndefined();
  });
});
