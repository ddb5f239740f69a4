import { describe, expect, it } from 'vitest';
import { KNOWN_CARRIERS, shipCarrier } from '../../src/orders/carriers.js';

describe('carriers: one name, each marketplace its own code', () => {
  it('the carriers an Italian shop uses, case and spaces ignored', () => {
    expect(shipCarrier('ebay', { carrier: 'poste italiane' })).toEqual({ name: 'Poste Italiane', code: 'PosteItaliane' });
    expect(shipCarrier('amazon', { carrier: 'POSTEITALIANE' })).toEqual({ name: 'Poste Italiane', code: 'Poste Italiane' });
    expect(shipCarrier('ebay', { carrier: ' brt ' })).toEqual({ name: 'BRT', code: 'Bartolini' });
    expect(shipCarrier('ebay', { carrier: 'Bartolini' })).toEqual({ name: 'BRT', code: 'Bartolini' });
    // BRT is not in Amazon's CarrierCode list: Other, with its name.
    expect(shipCarrier('amazon', { carrier: 'BRT' })).toEqual({ name: 'BRT', code: 'Other' });
    for (const [name, ebay] of [['GLS', 'GLS'], ['SDA', 'SDA'], ['DHL', 'DHL'], ['UPS', 'UPS'], ['TNT', 'TNT'], ['fed ex', 'FedEx']] as const) {
      expect(shipCarrier('ebay', { carrier: name }).code).toBe(ebay);
    }
    expect(shipCarrier('amazon', { carrier: 'amazon shipping' })).toEqual({ name: 'Amazon Shipping', code: 'Amazon Shipping' });
    expect(KNOWN_CARRIERS).toEqual(expect.arrayContaining(['Poste Italiane', 'BRT', 'GLS', 'SDA', 'DHL', 'UPS', 'TNT', 'FedEx', 'Amazon Shipping']));
  });

  it('an unknown name is exit 2 listing the known ones; a marketplace without a code for it is exit 2 too', () => {
    expect(() => shipCarrier('ebay', { carrier: 'Corriere Pippo' })).toThrow(expect.objectContaining({ exitCode: 2, message: 'Unknown carrier "Corriere Pippo".' }));
    try {
      shipCarrier('ebay', { carrier: 'Corriere Pippo' });
    } catch (e) {
      expect((e as { details: string[] }).details[0]).toContain('Poste Italiane, BRT, GLS, SDA');
    }
    expect(() => shipCarrier('ebay', { carrier: 'Amazon Shipping' })).toThrow(expect.objectContaining({ exitCode: 2, message: 'eBay has no carrier code for Amazon Shipping.' }));
  });

  it('--carrier-code passes the marketplace code through unchanged, named by --carrier when given', () => {
    expect(shipCarrier('ebay', { carrierCode: 'Nexive' })).toEqual({ name: 'Nexive', code: 'Nexive' });
    expect(shipCarrier('ebay', { carrier: 'amazon shipping', carrierCode: 'Other' })).toEqual({ name: 'Amazon Shipping', code: 'Other' });
  });
});
