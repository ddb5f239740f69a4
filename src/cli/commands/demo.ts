import { join } from 'node:path';
import { LISTING_RULES } from '../../channels/registry.js';
import { loadConfig } from '../../config/load.js';
import type { ChannelId } from '../../domain/ids.js';
import { minorToDecimal } from '../../domain/money.js';
import { ExitCode } from '../../errors.js';
import { channelHooks } from '../../hooks/channel-hooks.js';
import { openLedger } from '../../ledger/database.js';
import { readOrders } from '../../ledger/orders.js';
import type { Logger } from '../../log.js';
import { catalogFor, prepareDemoShop, sampleShopDir } from '../../orders/demo-shop.js';
import { buildExportRows } from '../../orders/export-rows.js';
import { formatExport } from '../../orders/format-export.js';
import { pullOrders, type PullReport } from '../../orders/pull-orders.js';
import { writeFileAtomic } from '../../files/write-file-atomic.js';
import type { Config } from '../../config/schema.js';
import { startSimulator, type SimulatorOptions } from '../../simulator/index.js';
import { runSync } from '../../sync/run-sync.js';
import { openShop } from '../../app/open-shop.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { syncDepsFrom } from '../../app/sync-deps-from.js';
import { renderHookReportHtml } from '../render/hook-report-html.js';
import { syncProgressText } from '../render/sync-progress.js';
import { shopLanguage } from '../render/shop-language.js';
import { renderHookReportText } from '../render/hook-report-text.js';
import { hookReport } from './report-hooks.js';

/** `civetta demo` takes no flags of its own. */
export type DemoArgs = Record<string, never>;

/** Simulated buyers per channel: enough to show a few orders per hook without flooding the screen. */
const ORDERS_PER_CHANNEL = 8;
/** Simulated time the demo lets pass so Amazon's pending orders are paid (the simulator's default is 10 minutes). */
const PAYMENT_WAIT_MS = 15 * 60_000;

/** A simulated seller account already set up the way the sample config expects: its eBay policies and shop location. */
function simulatedAccount(config: Config): SimulatorOptions {
  const ebay = config.channels.ebay;
  if (!ebay) return { amazon: { autoCatalog: true } };
  const mp = ebay.marketplaceId;
  return {
    amazon: { autoCatalog: true },
    ebay: {
      policies: [
        { type: 'fulfillment', id: ebay.policies.fulfillment, name: 'Spedizione', marketplaceId: mp },
        { type: 'payment', id: ebay.policies.payment, name: 'Pagamento', marketplaceId: mp },
        { type: 'return', id: ebay.policies.return, name: 'Reso', marketplaceId: mp },
      ],
      locations: [{ merchantLocationKey: ebay.merchantLocationKey, name: config.shop.name, merchantLocationStatus: 'ENABLED' }],
    },
  };
}

/** The engine's chatter goes to --verbose only; warnings stay visible. */
function quieter(log: Logger): Logger {
  return { debug: (m) => log.debug(m), info: (m) => log.debug(m), warn: (m) => log.warn(m) };
}

/**
 * The whole cycle on the built-in simulator and a copy of the sample shop: hooks → sync to both
 * channels → simulated buyers → orders pull → export → hook report. Everything runs in-process;
 * the simulator's clock drives every timestamp so the simulated half hour passes at once.
 */
export async function run(_args: DemoArgs, ctx: RunContext): Promise<CommandResult> {
  const say = (text: string) => ctx.out.print(text);
  const sample = await loadConfig({ cwd: sampleShopDir(), file: join(sampleShopDir(), 'civetta.config.yaml') });
  // The simulated clock starts the payment wait in the past, so that after advancing through it
  // every timestamp in the demo's ledger and exports is at most the real now, never in the future.
  const sim = await startSimulator({ ...simulatedAccount(sample.config), now: () => Date.now() - PAYMENT_WAIT_MS });
  try {
    const now = () => sim.clock.now();
    const log = quieter(ctx.out.log);
    const shop = prepareDemoShop(sim.origin);
    say(`civetta demo — ${sample.config.shop.name}, on the built-in simulator (${sim.origin})`);
    say(`Shop copied to ${shop.dir}`);
    // The copied shop, on the simulator's clock, with no credentials from the environment (the
    // simulator's own) and the engine's chatter on --verbose only.
    const demoCtx: RunContext = { ...ctx, cwd: shop.dir, env: {}, now, out: { ...ctx.out, log }, loadConfig: () => loadConfig({ cwd: shop.dir, file: shop.config }) };
    const demo = await openShop(demoCtx);
    const { loaded } = demo;
    const channels = demo.channels();

    // 1. hooks
    const stock = await demo.stock();
    // The simulated Amazon catalogue knows the shop's products, as the real one knows branded goods.
    sim.amazon.addCatalog(catalogFor(stock.items()));
    say(`\n1. Stock file: ${stock.stats.goodRows} products read (${stock.stats.badRows} bad rows left out).`);
    const hooks: Partial<Record<ChannelId, number>> = {};
    for (const c of channels) {
      const h = channelHooks(loaded.config, stock, c, LISTING_RULES[c]);
      hooks[c] = h.offers.length;
      say(`   ${c}: ${h.offers.length} hooks, e.g. ${h.offers.slice(0, 3).map((o) => `${o.sku} at ${minorToDecimal(o.priceMinor)} ${o.currency}`).join(', ')}`);
    }

    // 2. sync
    // The syncs take tens of seconds: a terminal shows each stage and change as it goes.
    const syncing = async (title: string) => {
      const progress = ctx.out.progress(title);
      try {
        const report = await runSync(loaded, { dryRun: false, forceGuard: [] }, syncDepsFrom(demoCtx, (e) => progress.update(`${title} ${syncProgressText(e)}`)));
        progress.done();
        return report;
      } catch (error) {
        progress.fail();
        throw error;
      }
    };
    const first = await syncing('Syncing the hooks to both channels:');
    say('\n2. Sync to both channels:');
    const created: Partial<Record<ChannelId, number>> = {};
    for (const c of channels) {
      created[c] = first.plan.actions.filter((a) => a.channel === c && a.kind === 'create').length;
      const failed = first.failed.filter((f) => f.channel === c).length;
      say(`   ${c}: ${created[c]} listings created${failed ? `, ${failed} refused (see the ledger)` : ''}`);
    }

    // 3. buyers
    say('\n3. Simulated buyers:');
    const placed: Partial<Record<ChannelId, number>> = {};
    for (const c of channels) {
      placed[c] = sim.buyers.generate({ channel: c, count: ORDERS_PER_CHANNEL, seed: 7 }).length;
      say(`   ${c}: ${placed[c]} orders placed`);
    }
    sim.clock.advance(PAYMENT_WAIT_MS);

    // 4. pull
    const ledger = openLedger(loaded.config.ledger);
    let exportFile: string;
    let pulled: PullReport;
    try {
      const adapters = demo.adapters();
      const products = await demo.products();
      const pulling = ctx.out.progress('Pulling the orders…');
      pulled = await pullOrders(ledger, adapters, { now: now(), overlapMinutes: loaded.config.orders.overlapMinutes, firstPullDays: loaded.config.orders.firstPullDays, log, products }).finally(() => pulling.done());
      say('\n4. Orders pull:');
      for (const c of pulled.channels) say(`   ${c.channel}: ${c.orders} orders pulled (${c.inserted} new)${c.error ? ` — stopped: ${c.error.message}` : ''}`);

      // 5. export
      const rows = buildExportRows(readOrders(ledger), { includePii: false, timeZone: loaded.config.shop.timeZone, products });
      exportFile = join(shop.dir, 'ordini.csv');
      await writeFileAtomic(exportFile, formatExport(rows, { format: 'csv', style: 'it', includePii: false }));
      say(`\n5. Export: ${rows.length} order lines for the accountant → ${exportFile}`);
    } finally {
      ledger.close();
    }

    // 6. the next sync sees the sales
    const second = await syncing('Syncing again:');
    const lowered = second.plan.actions.filter((a) => a.kind === 'update' && a.changes.some((ch) => ch.field === 'quantity' && ch.to < ch.from)).length;
    say(`\n6. Next sync: ${lowered} listing quantit${lowered === 1 ? 'y' : 'ies'} lowered for units sold (open orders count on every channel; capped quantities stay).`);

    // 7. hook report
    const report = hookReport(loaded, { products: await demo.products(), now: now(), idleDays: 30 });
    const htmlFile = join(shop.dir, 'hooks.html');
    await writeFileAtomic(htmlFile, renderHookReportHtml(report, loaded.config.shop.name, shopLanguage(loaded.config)));
    say(`\n7. Top hooks so far (chart: ${htmlFile}):`);
    say(renderHookReportText(report, 5).split('\n').map((l) => `   ${l}`).join('\n'));
    say(`\nDone. Everything is in ${shop.dir}; run \`civetta --config ${shop.config} status\` to look around.`);
    return {
      exitCode: first.failed.length || second.failed.length || pulled.channels.some((c) => c.error) ? ExitCode.itemsFailed : ExitCode.ok,
      json: { dir: shop.dir, hooks, created, ordersPlaced: placed, pulled: pulled.channels, exportFile, htmlFile, quantitiesLowered: lowered, topHooks: report.hooks.slice(0, 5) },
    };
  } finally {
    await sim.close();
  }
}
