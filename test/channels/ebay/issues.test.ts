import { describe, expect, it } from 'vitest';
import { issueFromDetail, issuesFromError } from '../../../src/channels/ebay/issues.js';
import { HttpError, NetworkError } from '../../../src/http/http-error.js';

describe('eBay errors as issues', () => {
  it('keeps errorId and message, adds the plain explanation and the field', () => {
    expect(issueFromDetail({ errorId: 25709, message: 'Invalid value for price.', parameters: [{ name: 'fieldName', value: 'price' }] })).toEqual({
      code: '25709',
      message: 'Invalid value for price.',
      explanation: 'A field has a value eBay does not accept; its message names the field.',
      field: 'price',
    });
    expect(issueFromDetail({ errorId: 25002, message: 'A user error has occurred. Offer entity already exists.', parameters: [{ name: 'offerId', value: '9100000042' }] }).field).toBe('offerId=9100000042');
    expect(issueFromDetail({ errorId: 99999 })).toEqual({ code: '99999', message: 'no message' });
  });

  it('reads errors[] from an HTTP error body; says what happened otherwise', () => {
    const http = new HttpError('publishOffer', 400, JSON.stringify({ errors: [{ errorId: 25014, message: 'Invalid pictures.' }] }));
    expect(issuesFromError(http).map((i) => i.code)).toEqual(['25014']);
    expect(issuesFromError(new HttpError('getOffers', 502, '<html>bad gateway</html>'))).toEqual([{ code: 'http-502', message: 'getOffers: HTTP 502 <html>bad gateway</html>' }]);
    expect(issuesFromError(new NetworkError('getOrders', new Error('socket hang up')))[0]).toMatchObject({ code: 'network' });
  });
});
