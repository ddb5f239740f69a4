import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { openEbayApp } from '../../app/open-ebay-app.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { checkConsentState, codeFromInput, consentState, endConsentState, writeEnvVariable, type EbayAppClient } from '../../channels/ebay/index.js';
import { ExitCode, InputError } from '../../errors.js';

/** Flags of `civetta auth ebay`. */
export interface AuthEbayArgs {
  /** The authorization code, or the whole address eBay redirected to (instead of typing it or piping it in; visible in `ps`). */
  code?: string;
  /** Write CIVETTA_EBAY_REFRESH_TOKEN into the .env beside the config (mode 0600). */
  writeEnv?: boolean;
  /** Show the refresh token once on the terminal instead (only on a terminal). */
  print?: boolean;
}

/** The terminal, injectable for tests: where the code is read and where the token may be shown once. */
export interface AuthEbayIo {
  interactive: boolean;
  readLine(prompt: string): Promise<string>;
  /** Everything piped to stdin (when it is not a terminal): where a script hands over the code. */
  readStdin(): Promise<string>;
  /** The one place a secret is shown: straight to the owner's terminal, never through logs or redaction. */
  showOnTerminal(text: string): void;
}

const processIo: AuthEbayIo = {
  interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
  async readLine(prompt) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(prompt);
    } finally {
      rl.close();
    }
  },
  async readStdin() {
    if (process.stdin.isTTY) return '';
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  showOnTerminal(text) {
    process.stdout.write(text);
  },
};

const VARIABLE = 'CIVETTA_EBAY_REFRESH_TOKEN';

/**
 * `civetta auth ebay`: prints the consent URL, takes the code (typed on a terminal, or --code),
 * exchanges it, and stores the refresh token in the .env beside the config (--write-env, or
 * the owner's answer on a terminal) or shows it once on the terminal (--print, or declining the
 * write). Without a terminal the token is only ever written. The client secret is never echoed.
 */
export async function run(args: AuthEbayArgs, ctx: RunContext, io: AuthEbayIo = processIo): Promise<CommandResult> {
  const { loaded, ebay, client } = await openEbayApp(ctx);
  const envFile = join(loaded.dir, '.env');
  if (!ebay.ruName) {
    throw new InputError('channels.ebay.ruName is missing', [
      'In the eBay developer portal (User Tokens → "Get a Token from eBay via Your Application") copy the RuName (eBay Redirect URL name) into channels.ebay.ruName.',
    ]);
  }
  const terminal = io.interactive && !ctx.options.json;
  if (!args.writeEnv && !terminal) {
    throw new InputError('the refresh token would be lost: add --write-env to store it in the .env beside the config', [
      `Without a terminal civetta never prints the token; --write-env writes ${VARIABLE} to ${envFile} (readable only by you).`,
    ]);
  }
  const url = client.consentUrl(ebay.ruName, consentState(loaded.dir, ctx.now().getTime()));
  ctx.out.print(`1. Open this page, sign in as the shop's eBay seller account and accept:\n\n   ${url}\n`);
  ctx.out.print('2. eBay then shows a page whose address contains "code=…". Copy that address (or just the code).');
  // Typed or piped, the code never appears on a command line (ps, shell history); --code still works.
  const raw = args.code ?? (io.interactive ? await io.readLine('Paste the address or the code here: ') : await io.readStdin());
  const pasted = raw.split(/\r?\n/).find((line) => line.trim()) ?? '';
  const code = codeFromInput(pasted);
  if (!code) {
    throw new InputError('no authorization code given', [
      'Paste the address eBay redirected to (or the code from it) when asked, or pipe it in: `civetta auth ebay --write-env < address.txt`.',
      'Without a terminal civetta reads it from stdin (or from --code, which other users can see in `ps`).',
    ]);
  }
  checkConsentState(loaded.dir, pasted, ctx.now().getTime());
  let tokens: Awaited<ReturnType<EbayAppClient['exchangeCode']>>;
  try {
    tokens = await client.exchangeCode(code, ebay.ruName);
  } finally {
    endConsentState(loaded.dir);
  }
  const days = tokens.refreshTokenExpiresInSeconds ? Math.floor(tokens.refreshTokenExpiresInSeconds / 86_400) : undefined;
  const expires = days ? new Date(ctx.now().getTime() + days * 86_400_000).toISOString().slice(0, 10) : undefined;
  // On a terminal with neither flag, the owner chooses now: write it (default) or see it once.
  const write = args.writeEnv === true || (!args.print && !/^n/i.test((await io.readLine(`Write ${VARIABLE} to ${envFile}? [Y/n] `)).trim()));
  if (write) {
    writeEnvVariable(envFile, VARIABLE, tokens.refreshToken);
    ctx.out.print(`3. Done: ${VARIABLE} is now in ${envFile} (readable only by you).`);
  } else {
    ctx.out.print(`3. Put this line, quotes included, in ${envFile} (keep that file private), then run \`civetta validate\`:`);
    // Quoted as it must be in .env: the token holds '#', which would start a comment.
    io.showOnTerminal(`\n   ${VARIABLE}='${tokens.refreshToken}'\n\n`);
    ctx.out.print('   It is shown only this once; civetta does not keep it anywhere else.');
  }
  if (expires) ctx.out.print(`The authorisation lasts until about ${expires}; run \`civetta auth ebay\` again before then.`);
  return {
    exitCode: ExitCode.ok,
    json: { consentUrl: url, stored: write ? envFile : null, variable: VARIABLE, ...(expires ? { expiresAbout: expires } : {}) },
  };
}
