// A `civetta sync` child SIGKILLed mid-run, for the interrupted-run tests.
import { spawn } from 'node:child_process';
import type { Simulator } from '../../src/simulator/index.js';
import { BIN } from './run-cli.js';
import type { TestShop } from './shop.js';

function cliEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('CIVETTA_')) env[k] = v;
  return { ...env, CI: '1', NO_COLOR: '1', ...extra };
}

/** Starts `civetta sync` and SIGKILLs it once the simulator has answered `writes` write requests. */
export function syncKilledAfter(sim: Simulator, shop: TestShop, writes: number, env: Record<string, string> = {}): Promise<{ signal: NodeJS.Signals | null; writesSeen: number }> {
  const start = sim.writeCount();
  const child = spawn(process.execPath, [BIN, '--config', shop.configFile, 'sync'], { cwd: shop.dir.path, env: cliEnv(env), stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    // The simulator lives in this process: polling its counter is watching the wire.
    const poll = setInterval(() => {
      if (sim.writeCount() - start >= writes) child.kill('SIGKILL');
    }, 1);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      resolve({ signal, writesSeen: sim.writeCount() - start });
    });
  });
}
