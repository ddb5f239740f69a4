import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { shopOnSimulator } from '../support/simulator.js';

const world = shopOnSimulator({
  shop: { channels: ['ebay'] },
  // A policy id this eBay account does not have.
  prepare: ({ shop }) => {
    const text = readFileSync(shop.configFile, 'utf8');
    expect(text).toContain('6200000002');
    writeFileSync(shop.configFile, text.replace('6200000002', '6299999999'));
  },
});

interface Report {
  channels: { ebay: { problems: Array<{ code: string; severity: string; key?: string; message: string }> } };
}

describe('validate --remote', () => {
  it('reports eBay account problems (a payment policy id the account does not have) and writes nothing', async () => {
    const { sim, shop } = world;
    const before = sim.writeCount();
    const run = await runCli(['--json', '--config', shop.configFile, 'validate', '--remote'], { cwd: shop.dir.path });
    expect(run.code, run.stderr).toBe(0);
    const problems = (JSON.parse(run.stdout) as Report).channels.ebay.problems;
    const policy = problems.filter((p) => p.code === 'ebay-policy-missing');
    expect(policy).toEqual([expect.objectContaining({ severity: 'error', key: 'channels.ebay.policies.payment', message: expect.stringContaining('6299999999') })]);
    expect(sim.writeCount()).toBe(before);
    expect(sim.count('getPaymentPolicies')).toBeGreaterThan(0);
  });

  it('without --remote, validate sends nothing to the marketplace', async () => {
    const { sim, shop } = world;
    sim.clearRequests();
    const run = await runCli(['--config', shop.configFile, 'validate'], { cwd: shop.dir.path });
    expect(run.code, run.stderr).toBe(0);
    expect(sim.requests).toHaveLength(0);
  });
});
