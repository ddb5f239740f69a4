import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { refuseSymlink, writePrivateFileSync } from '../../files/write-file-atomic.js';
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

/** Beside the config: the `state` of the consent in progress (0600, removed once the code is used). */
export const CONSENT_STATE_FILE = '.civetta-ebay-consent';
/** eBay's code lives 5 minutes; the consent page, login and copying take a few more. */
export const CONSENT_STATE_LIFETIME_MS = 15 * 60_000;

interface ConsentState {
  state: string;
  startedAt: number;
}

function readConsentState(dir: string, now: number): ConsentState | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, CONSENT_STATE_FILE), 'utf8')) as Partial<ConsentState>;
    if (typeof parsed.state !== 'string' || typeof parsed.startedAt !== 'number') return undefined;
    return now - parsed.startedAt <= CONSENT_STATE_LIFETIME_MS ? { state: parsed.state, startedAt: parsed.startedAt } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `state` to send in the consent URL: the one of a consent started in the last 15 minutes
 * (so `civetta auth ebay` run again with the pasted address checks against the page it printed),
 * or a fresh random one, stored owner-only beside the config.
 */
export function consentState(dir: string, now: number): string {
  const fresh = readConsentState(dir, now);
  if (fresh) return fresh.state;
  const state = randomBytes(16).toString('hex');
  writePrivateFileSync(join(dir, CONSENT_STATE_FILE), JSON.stringify({ state, startedAt: now } satisfies ConsentState));
  return state;
}

/**
 * Refuses (exit 2) a pasted redirect address whose `state` is not the one civetta sent: it came
 * from a consent someone else started (whose token would put the shop's listings on their account).
 * A bare code carries no state and cannot be checked.
 */
export function checkConsentState(dir: string, pasted: string, now: number): void {
  const text = pasted.trim();
  if (!/[?&]state=/.test(text)) return;
  const given = new URLSearchParams(text.slice(text.indexOf('?') + 1)).get('state');
  const expected = readConsentState(dir, now)?.state;
  if (given === expected) return;
  throw new InputError('the address you pasted is not from the consent civetta started (its "state" does not match); nothing was sent to eBay', [
    expected
      ? 'Open the consent page civetta printed above, accept, and paste the address eBay then shows.'
      : 'The consent started more than 15 minutes ago, or elsewhere: run `civetta auth ebay` again and use the page it prints.',
  ]);
}

/** Forgets the consent state once its code has been sent (a code works once). */
export function endConsentState(dir: string): void {
  rmSync(join(dir, CONSENT_STATE_FILE), { force: true });
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
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
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
