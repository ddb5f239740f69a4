/**
 * Keeps secrets out of everything civetta prints or stores. Secrets are registered once, where
 * they are read or minted (credentials, access tokens), and every output path (logger, error
 * messages, ledger answers, --json) passes its text through `redact`. The registry is
 * process-wide on purpose: a token must stay hidden from every path, including ones that were
 * never handed a reference to it.
 *
 * A server may hand a secret back in another form than it was sent (an echoing token endpoint
 * returns the form body URL-encoded; a Basic header is base64; a JSON body escapes `/` and `"`),
 * so each secret is hidden in every form it can take in text, not only as typed.
 */

/** Every form of every registered secret, longest first (so a form that contains another is hidden whole). */
let forms: string[] = [];
const secrets = new Set<string>();

/** Shorter values would redact ordinary words; no real credential is this short. */
const MIN_SECRET_LENGTH = 6;
/** A base64 fragment shorter than this could match ordinary text. */
const MIN_BASE64_FRAGMENT = 8;

export const REDACTED = '«redacted»';

export function registerSecret(value: string | undefined): void {
  if (!value || value.length < MIN_SECRET_LENGTH || secrets.has(value)) return;
  secrets.add(value);
  forms = [...new Set([...forms, ...secretForms(value)])].sort((a, b) => b.length - a.length);
}

/**
 * The ways `secret` can be written in text: raw; URL-encoded (upper- and lower-case hex, and
 * twice encoded); form-encoded (`+` for space, `!'()~` escaped); JSON-escaped (with and without
 * `\/`); and base64/base64url at each of the three byte alignments it can have inside a longer
 * encoded value (`client_id:secret` in a Basic header), keeping only the characters that depend
 * on the secret's bytes alone.
 */
function secretForms(secret: string): string[] {
  const uri = encodeURIComponent(secret);
  const form = new URLSearchParams({ v: secret }).toString().slice(2);
  const json = JSON.stringify(secret).slice(1, -1);
  const out = new Set<string>([secret, json, json.replace(/\//g, '\\/')]);
  for (const encoded of [uri, form, encodeURIComponent(uri)]) {
    out.add(encoded);
    out.add(encoded.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
  }
  const bytes = Buffer.from(secret, 'utf8');
  for (const [shift, dependent] of [[0, 0], [1, 2], [2, 3]] as const) {
    const aligned = Buffer.concat([Buffer.alloc(shift), bytes]);
    const whole = aligned.subarray(0, aligned.length - (aligned.length % 3));
    const fragment = whole.toString('base64').slice(dependent);
    if (fragment.length < MIN_BASE64_FRAGMENT) continue;
    out.add(fragment);
    out.add(fragment.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...out].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

/**
 * Token shapes hidden even when nobody registered them: LWA access/refresh tokens (Atza|, Atzr|),
 * RDTs (Atz.sprdt|), eBay user tokens (v^1.1#…), bearer headers, token fields in JSON or forms,
 * and the signature parts of pre-signed URLs, each also URL-encoded (`Atzr%7C…`) and JSON-escaped
 * (`\"refresh_token\":\"…`).
 */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /Atz[a-z.]*(?:\||%7C)[^\s"'&,;\\]+/gi,
  /v(?:\^|%5E)1\.1(?:#|%23)[^\s"'&,;\\]+/gi,
  /(Bearer(?:\s|\+|%20)+)[^\s"',;\\]+/gi,
  /((?:access_token|refresh_token|client_secret|restrictedDataToken)\\*["']?\s*(?:[:=]|%3[AD])\s*\\*["']?)[^\s"'&,;}\\]+/gi,
  // Pre-signed S3 URLs (Amazon feed documents) grant write access until they expire.
  /((?:X-Amz-(?:Signature|Security-Token|Credential))(?:=|%3D))[^&\s"'<\\]+/gi,
];

export function redact(text: string): string {
  let out = text;
  for (const form of forms) {
    if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (match, prefix?: string) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return out;
}

/** Redacts first, then cuts to `max` characters: a cut before redacting could leave half a secret that no longer matches. */
export function redactAndCut(text: string, max: number): string {
  const safe = redact(text);
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
}
