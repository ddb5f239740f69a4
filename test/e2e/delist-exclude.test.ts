// `delist` of a hook a rule still selects (issue 11: "undone by the next sync with no word about hooks.exclude").
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { civetta } from '../support/run-cli.js';
import { liveSkus, shopOnSimulator } from '../support/simulator.js';

const world = shopOnSimulator({
  simulator: { rateLimiting: false },
  shop: { channels: ['ebay'], hooksLimit: 3 },
  prepare: ({ shop }) => writeFileSync(shop.configFile, `# Giocattoli Rossi: civetta\n${readFileSync(shop.configFile, 'utf8')}`),
  firstSync: true,
});

describe('delist of a rule-selected hook', () => {
  it('says a rule still selects it and how to keep it off', async () => {
    const { sim, shop } = world;
    const [sku] = liveSkus(sim).ebay.sort();
    const run = await civetta(shop, 'delist', sku!, '--channel', 'ebay');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`${sku} is still selected on ebay by rule "[^"]+": the next sync lists it again\\. To keep it off, add it to hooks\\.exclude, or run \`civetta delist ${sku} --channel ebay --exclude\``));
  }, 60_000);

  it('--exclude adds it to hooks.exclude, keeping the file as written, and the next sync leaves it off', async () => {
    const { sim, shop } = world;
    const [sku] = liveSkus(sim).ebay.sort();
    const before = readFileSync(shop.configFile, 'utf8');
    const run = await civetta(shop, 'delist', sku!, '--channel', 'ebay', '--exclude');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${sku} is in hooks.exclude (${shop.configFile}): no rule lists it again.`);
    const after = readFileSync(shop.configFile, 'utf8');
    expect(after.startsWith('# Giocattoli Rossi: civetta\n')).toBe(true);
    // One line changed, nothing else.
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(changed).toEqual([expect.stringMatching(new RegExp(`exclude: \\[${sku}\\]`))]);
    const sync = await civetta(shop, 'sync');
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    expect(liveSkus(sim).ebay).not.toContain(sku);
  }, 120_000);
});
