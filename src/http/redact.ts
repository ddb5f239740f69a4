/**
 * Keeps secrets out of everything civetta prints or stores. Secrets are registered once, where
 * they are read or minted (credentials, access tokens), and every output path (logger, error
 * messages, ledger answers, --json) passes its text through `redact`. The registry is
 * process-wide on purpose: a token must stay hidden from every path, including ones that were
 * never handed a reference to it.
 */
const secrets = new Set<string>();

/** Shorter values would redact ordinary words; no real credential is this short. */
const MIN_SECRET_LENGTH = 6;

export const REDACTED = '«redacted»';

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH) secrets.add(value);
}

/**
 * Token shapes hidden even when nobody registered them: LWA access/refresh tokens (Atza|, Atzr|),
 * RDTs (Atz.sprdt|), eBay user tokens (v^1.1#…), bearer headers, token fields in JSON or forms,
 * and the signature parts of pre-signed URLs.
 */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /Atz[a-z.]*\|[^\s"'&,;]+/g,
  /v\^1\.1#[^\s"'&,;]+/g,
  /(Bearer\s+)[^\s"',;]+/gi,
  /((?:access_token|refresh_token|client_secret|restrictedDataToken)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
  // Pre-signed S3 URLs (Amazon feed documents) grant write access until they expire.
  /((?:X-Amz-(?:Signature|Security-Token|Credential))=)[^&\s"'<]+/gi,
];

export function redact(text: string): string {
  let out = text;
  // Longest first, so a secret that contains another is hidden whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join(REDACTED);
  }
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (match, prefix?: string) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return out;
}
