import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { SELL_SCOPES } from './endpoints.js';

/**
 * The consent page URL the shop owner opens once (reference §1 "Consent"): client id, the RuName
 * as redirect_uri (a name from the developer portal, not a URL), the sell scopes space-joined,
 * the marketplace's language and a fresh login.
 */
export function consentUrl(consentPage: string, clientId: string, ruName: string, language: string, state = randomBytes(8).toString('hex')): string {
  const query = new URLSearchParams({
    client_id: clientId,
    redirect_uri: ruName,
    response_type: 'code',
    scope: SELL_SCOPES.join(' '),
    state,
    locale: language,
    prompt: 'login',
  });
  // URLSearchParams writes spaces as "+"; eBay's own examples use %20 in the scope list.
  return `${consentPage}?${query.toString().replace(/\+/g, '%20')}`;
}

/**
 * The authorization code from what the owner pasted: the bare code, or the whole address eBay
 * redirected to (`…?code=v%5E1.1%23…&expires_in=299`). eBay's codes arrive URL-encoded.
 */
export function codeFromInput(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  if (/[?&]code=/.test(text)) {
    const query = text.slice(text.indexOf('?') + 1);
    return new URLSearchParams(query).get('code') ?? undefined;
  }
  return text.includes('%') ? decodeURIComponent(text) : text;
}

/**
 * Sets `name='value'` in a .env file (replacing an existing line, keeping the others) and leaves
 * the file readable by its owner only (0600).
 */
export function writeEnvVariable(file: string, name: string, value: string): void {
  let lines: string[] = [];
  try {
    lines = readFileSync(file, 'utf8').split(/\r?\n/);
  } catch {
    lines = [];
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  // Quoted: eBay tokens hold `#`, which starts a comment in an unquoted .env value.
  const entry = `${name}=${value.includes("'") ? JSON.stringify(value) : `'${value}'`}`;
  const at = lines.findIndex((l) => new RegExp(`^\\s*(export\\s+)?${name}\\s*=`).test(l));
  if (at >= 0) lines[at] = entry;
  else lines.push(entry);
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
