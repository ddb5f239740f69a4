import { describe, expect, it } from 'vitest';
import { runMain, type CommandModule } from '../../src/cli/run-main.js';
import { SafetyGuardError, ChannelAuthError } from '../../src/errors.js';
import { registerSecret } from '../../src/http/redact.js';
import { NetworkError } from '../../src/http/http-error.js';
import type { CommandFile } from '../../src/cli/program.js';
import type { RunContext } from '../../src/app/run-context.js';

function io(load: (file: CommandFile) => Promise<CommandModule>) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout, stderr,
    io: { stdout: { write: (t: string) => stdout.push(t) }, stderr: { write: (t: string) => stderr.push(t) }, env: { CI: '1' }, cwd: '/tmp', importCommand: load },
  };
}
const module = (run: (args: Record<string, unknown>, ctx: RunContext) => Promise<{ exitCode: 0 | 1 | 2 | 3 | 4 | 5; json?: unknown }>): Promise<CommandModule> =>
  Promise.resolve({ run: run as CommandModule['run'] });

describe('runMain: one place maps outcomes to exit codes', () => {
  it('hands the command its own flags, positionals and the globals', async () => {
    let seen: unknown;
    const t = io(async (file) => module(async (args, ctx) => {
      seen = { file, args, globals: ctx.options };
      return { exitCode: 0, json: { ok: true } };
    }));
    const code = await runMain(['sync', '--channel', 'ebay', '--dry-run', '--force-guard', 'price', '--force-guard', 'delist', '--json', '--verbose'], t.io);
    expect(code).toBe(0);
    expect(seen).toEqual({ file: 'sync', args: { channel: 'ebay', dryRun: true, yes: false, forceGuard: ['price', 'delist'], retryHeld: false }, globals: { json: true, quiet: false, verbose: true } });
    expect(t.stdout.join('')).toBe('{\n  "ok": true\n}\n');
  });

  it.each([
    [['list', 'LEG-1', '--channel', 'amazon', '--price', '12,90', '--quantity', '3'], 'list', { sku: 'LEG-1', channel: 'amazon', price: '12,90', quantity: 3 }],
    [['orders', 'ship', '123-456', '--carrier', 'BRT', '--tracking', 'T1'], 'orders-ship', { order: '123-456', carrier: 'BRT', tracking: 'T1' }],
    [['orders', 'export', '--from', '2026-01-01', '--format', 'json'], 'orders-export', { from: '2026-01-01', format: 'json', style: 'plain', pii: true }],
    [['orders', 'export', '--style', 'it', '--no-pii'], 'orders-export', { format: 'csv', style: 'it', pii: false }],
    [['report', 'hooks', '--idle-days', '14'], 'report-hooks', { idleDays: 14 }],
    [['ebay', 'categories', 'puzzle', '--limit', '5'], 'ebay-categories', { query: 'puzzle', limit: 5 }],
    [['orders', 'purge-pii', '--older-than', '30'], 'orders-purge-pii', { olderThan: 30 }],
    [['ebay', 'categories', 'lego set'], 'ebay-categories', { query: 'lego set' }],
    [['report', 'hooks', '--since', '2026-01-01'], 'report-hooks', { since: '2026-01-01' }],
    [['auth', 'ebay'], 'auth-ebay', {}],
    // The command's own no-terminal message tells the owner to use these.
    [['auth', 'ebay', '--code', 'v^1.1#code', '--write-env'], 'auth-ebay', { code: 'v^1.1#code', writeEnv: true }],
    [['auth', 'ebay', '--print'], 'auth-ebay', { print: true }],
    [['simulator', '--port', '4010'], 'simulator', { port: 4010 }],
    [['init'], 'init', { dir: '.' }],
    [['--config', 'x.yaml', 'hooks', '--explain'], 'hooks', { explain: true }],
  ])('%j → commands/%s with %j', async (argv, wantFile, wantArgs) => {
    let seen: unknown;
    const t = io(async (file) => module(async (args) => {
      seen = [file, args];
      return { exitCode: 0 };
    }));
    expect(await runMain(argv, t.io)).toBe(0);
    expect(seen).toEqual([wantFile, wantArgs]);
  });

  it('a CivettaError gives its exit code, message and details; JSON under --json', async () => {
    const t = io(() => module(async () => {
      throw new SafetyGuardError('a price would move by 55%', ['price'], ['LEG-1: 10.00 → 15.50']);
    }));
    expect(await runMain(['sync', '--json'], t.io)).toBe(4);
    expect(t.stderr.join('')).toBe('civetta: a price would move by 55%\n  LEG-1: 10.00 → 15.50\n');
    expect(JSON.parse(t.stdout.join(''))).toEqual({ error: { message: 'a price would move by 55%', exitCode: 4, details: ['LEG-1: 10.00 → 15.50'], guards: ['price'] } });
  });

  it('secrets never reach the output', async () => {
    registerSecret('super-secret-token-value');
    const t = io(() => module(async () => {
      throw new ChannelAuthError('ebay', 'refused token super-secret-token-value');
    }));
    expect(await runMain(['sync', '--json'], t.io)).toBe(5);
    expect(t.stderr.join('') + t.stdout.join('')).not.toContain('super-secret-token-value');
    expect(t.stderr.join('')).toBe('civetta: refused token «redacted»\n');
  });

  it('a missing command module is an internal error (exit 1), not a stack trace', async () => {
    const t = io(async () => {
      throw Object.assign(new Error(`Cannot find module '${new URL('../../src/cli/commands/status.js', import.meta.url).pathname}'`), { code: 'ERR_MODULE_NOT_FOUND' });
    });
    // The injected loader is not importCommand, so the message is the generic internal one.
    expect(await runMain(['status'], t.io)).toBe(1);
    expect(t.stderr.join('')).toMatch(/^civetta: internal error, please report it: Cannot find module /);
  });

  it('an unexpected crash: exit 1, "internal error, please report it", stack only with --verbose', async () => {
    const t = io(() => module(async () => {
      throw new TypeError('x is undefined');
    }));
    expect(await runMain(['status'], t.io)).toBe(1);
    expect(t.stderr.join('')).toBe('civetta: internal error, please report it: x is undefined\n');
    const v = io(() => module(async () => {
      throw new TypeError('x is undefined');
    }));
    expect(await runMain(['status', '--verbose'], v.io)).toBe(1);
    expect(v.stderr.join('')).toContain('  TypeError: x is undefined\n    at ');
  });

  it('an unreachable marketplace: exit 1 with what failed, not "internal error, please report it"', async () => {
    const t = io(() => module(async () => {
      throw new NetworkError('lwaToken', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4010'), { code: 'ECONNREFUSED' }));
    }));
    expect(await runMain(['sync', '--json'], t.io)).toBe(1);
    expect(t.stderr.join('')).toBe(
      'civetta: a marketplace call failed: lwaToken: no answer from the marketplace (connect ECONNREFUSED 127.0.0.1:4010)\n' +
        '  Check the connection and the channel endpoint, then run again: a sync picks up where it stopped.\n',
    );
    expect(JSON.parse(t.stdout.join(''))).toMatchObject({ error: { exitCode: 1, message: expect.stringMatching(/^a marketplace call failed: lwaToken: /) } });
  });

  it('the command decides exit 1 (items failed) and its JSON is the only stdout', async () => {
    const t = io(() => module(async (_a, ctx) => {
      ctx.out.print('human text');
      ctx.out.log.info('progress');
      return { exitCode: 1, json: { failed: 2 } };
    }));
    expect(await runMain(['sync', '--json'], t.io)).toBe(1);
    expect(t.stdout.join('')).toBe('{\n  "failed": 2\n}\n');
    expect(t.stderr.join('')).toBe('progress\n');
  });

  it('emitJson prints at once and is not repeated; --quiet drops info lines', async () => {
    const t = io(() => module(async (_a, ctx) => {
      ctx.out.emitJson({ amazon: { endpoint: 'http://127.0.0.1:1/amazon' } });
      ctx.out.log.info('listening');
      ctx.out.log.warn('careful');
      return { exitCode: 0, json: { ignored: true } };
    }));
    expect(await runMain(['simulator', '--json', '--quiet'], t.io)).toBe(0);
    expect(t.stdout.join('')).toBe('{"amazon":{"endpoint":"http://127.0.0.1:1/amazon"}}\n');
    expect(t.stderr.join('')).toBe('warning: careful\n');
  });

  it('the real loader names a command file that is not in the build', async () => {
    const { importCommand } = await import('../../src/cli/run-main.js');
    await expect(importCommand('no-such-command' as CommandFile)).rejects.toThrow('the no-such-command command is not part of this build yet (missing src/cli/commands/no-such-command.ts)');
  });
});
