import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactAndCut, registerSecret } from '../../src/http/redact.js';

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

describe('redact: every form a secret takes in text', () => {
  const secret = 'amzn1.oa2-cs.v1.S3cret+With/Slash=';
  registerSecret(secret);

  it('hides it raw, URL-encoded (either hex case, twice), form-encoded and JSON-escaped', () => {
    const forms = [
      secret,
      encodeURIComponent(secret),
      encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
      encodeURIComponent(encodeURIComponent(secret)),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
    ];
    for (const form of forms) {
      const out = redact(`echo: ${form} end`);
      expect(out, form).toBe(`echo: ${REDACTED} end`);
    }
  });

  it('hides a form-encoded secret with spaces (+ for space) and quotes (JSON-escaped)', () => {
    const spaced = 'pass phrase "quoted" here';
    registerSecret(spaced);
    expect(redact(`a=${new URLSearchParams({ s: spaced }).toString().slice(2)}&b=1`)).toBe(`a=${REDACTED}&b=1`);
    expect(redact(JSON.stringify({ said: spaced }))).toBe(`{"said":"${REDACTED}"}`);
  });

  it('hides its base64 inside a longer encoded value at any byte alignment', () => {
    for (const prefix of ['', 'a', 'ab', 'client-id:']) {
      const b64 = Buffer.from(`${prefix}${secret}tail`).toString('base64');
      const out = redact(`Authorization: Basic ${b64}`);
      // What is left visible around the hole carries at most a couple of the secret's bytes.
      const visible = out.replace('Authorization: Basic ', '').split(REDACTED).join('');
      expect(out, prefix).toContain(REDACTED);
      expect(visible.length, prefix).toBeLessThanOrEqual(Math.ceil((prefix.length + 6) * 4 / 3) + 8);
      const url = Buffer.from(`${prefix}${secret}tail`).toString('base64url');
      expect(redact(url), `${prefix} base64url`).toContain(REDACTED);
    }
  });

  it('hides unregistered token shapes URL-encoded and JSON-escaped', () => {
    expect(redact('said: refresh_token=Atzr%7CIwEBIabc&x=1')).toBe(`said: refresh_token=${REDACTED}&x=1`);
    expect(redact('said: v%5E1.1%23i%5E1%23abc')).toBe(`said: ${REDACTED}`);
    expect(redact('{\\"refresh_token\\":\\"zzzzzzzz\\"}')).toBe(`{\\"refresh_token\\":\\"${REDACTED}\\"}`);
  });

  it('redactAndCut redacts before it cuts, so no half of a secret survives the cut', () => {
    const text = `${'x'.repeat(290)}${secret}`;
    const cut = redactAndCut(text, 300);
    expect(cut).not.toContain(secret.slice(0, 8));
    expect(cut.length).toBeLessThanOrEqual(301);
  });
});
