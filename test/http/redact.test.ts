import { describe, expect, it } from 'vitest';
import { REDACTED, redact, registerSecret } from '../../src/http/redact.js';

describe('redact', () => {
  it('hides every registered secret wherever it appears', () => {
    registerSecret('my-client-secret-123');
    expect(redact('secret=my-client-secret-123 and again my-client-secret-123')).toBe(`secret=${REDACTED} and again ${REDACTED}`);
  });

  it('hides token shapes nobody registered', () => {
    expect(redact('x-amz-access-token: Atza|IwEBIA-abc')).toBe(`x-amz-access-token: ${REDACTED}`);
    expect(redact('{"refresh_token":"Atzr|zzz","access_token":"v^1.1#i^1#abc"}')).toBe(
      `{"refresh_token":"${REDACTED}","access_token":"${REDACTED}"}`,
    );
    expect(redact('Authorization: Bearer abc.def.ghi')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redact('grant_type=refresh_token&refresh_token=abcdef&client_secret=shh123')).toBe(
      `grant_type=refresh_token&refresh_token=${REDACTED}&client_secret=${REDACTED}`,
    );
  });

  it('hides the signature of a pre-signed document URL but keeps where it points', () => {
    const url = 'https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com/doc?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20261123&X-Amz-Security-Token=IQoJb3&X-Amz-Signature=9f86d08';
    expect(redact(`PUT ${url} → 403`)).toBe(
      `PUT https://tortuga-prod-eu.s3-eu-west-1.amazonaws.com/doc?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${REDACTED}&X-Amz-Security-Token=${REDACTED}&X-Amz-Signature=${REDACTED} → 403`,
    );
  });

  it('leaves ordinary text and short values alone', () => {
    registerSecret('abc');
    expect(redact('abc is fine; price 24.90 EUR')).toBe('abc is fine; price 24.90 EUR');
  });
});
