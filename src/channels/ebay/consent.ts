import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { refuseSymlink, writePrivateFileSync } from '../../orders/write-file-atomic.js';
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
 * Sets `name='value'` in a .env file (replacing an existing line, keeping the others), written
 * whole through an owner-only temp file (0600) and renamed into place. A `.env` that is a
 * symbolic link, or a value with a line break or other control character (it would add lines
 * to the file), is refused.
 */
export function writeEnvVariable(file: string, name: string, value: string): void {
  refuseSymlink(file);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new InputError(`refused to write ${name} to ${file}: the value holds a line break or another control character`, [
      'A real token never does: run the command again, and report it if it happens twice.',
    ]);
  }
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
  writePrivateFileSync(file, `${lines.join('\n')}\n`);
}
