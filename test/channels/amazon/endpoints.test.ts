import { describe, expect, it } from 'vitest';
import { carrierFields } from '../../../src/channels/amazon/carriers.js';
import { resolveEndpoints } from '../../../src/channels/amazon/endpoints.js';
import { explainIssue } from '../../../src/channels/amazon/issue-explanations.js';
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

describe('carriers', () => {
  it('known codes as Amazon spells them, anything else as Other + name', () => {
    expect(carrierFields('poste italiane')).toEqual({ carrierCode: 'Poste Italiane' });
    expect(carrierFields('DHL')).toEqual({ carrierCode: 'DHL' });
    expect(carrierFields(' BRT ')).toEqual({ carrierCode: 'Other', carrierName: 'BRT' });
  });
});

describe('issue explanations', () => {
  it('by code, then by the model categories, else none', () => {
    expect(explainIssue('8541')).toContain('EAN');
    expect(explainIssue('123456', ['INVALID_PRICE'])).toContain('price');
    expect(explainIssue('123456')).toBeUndefined();
  });
});
