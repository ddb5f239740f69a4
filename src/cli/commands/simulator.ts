import { join, resolve } from 'node:path';
import { loadConfig, readConfig } from '../../config/load.js';
import { parseTimeScale } from '../../config/time-scale.js';
import { InputError, ExitCode } from '../../errors.js';
import { readShopStock } from '../../stock/read-shop-stock.js';
import { catalogFor, sampleShopDir } from '../../orders/demo-shop.js';
import {
  AMAZON_DEFAULT_CREDENTIALS, DEFAULT_AMAZON_SELLER_ID, EBAY_DEFAULT_CREDENTIALS, readSnapshot, startSimulator, writeSnapshot,
  type CatalogEntry, type Simulator, type SimSnapshot,
} from '../../simulator/index.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { afterOrder, nextOrderDelayMs, orderLine, type ShopperPlan } from '../../simulator/shoppers.js';
import { renderProblem } from '../render/problems.js';

export interface SimulatorArgs {
  /** Port on 127.0.0.1; 0 or absent = a free port. Commander may hand it over already parsed. */
  port?: string | number;
  /** Keep the marketplaces' state in this file across restarts. */
  state?: string;
  /** Place this many orders over the next minutes on the listings the simulator holds. */
  orders?: string | number;
  /** Then keep placing this many orders an hour. */
  buyers?: string | number;
}

function count(flag: string, raw: string | number | undefined): number {
  if (raw === undefined) return 0;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new InputError(`${flag} must be a number of 0 or more (got "${String(raw)}").`);
  return n;
}

function parsePort(raw: string | number | undefined): number {
  if (raw === undefined) return 0;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InputError(`--port must be an integer between 0 and 65535 (got "${String(raw)}").`);
  return n;
}

/**
 * The products the simulated Amazon catalogue knows by EAN, with their real titles and brands:
 * the shop whose config is found as every command finds it (--config, or searched upwards), else
 * the sample shop in fixtures/ (which the sample config syncs against this simulator). Other
 * valid EANs still resolve to generic products.
 */
async function shopCatalog(ctx: RunContext): Promise<{ entries: CatalogEntry[]; from: string }> {
  const found = await readConfig({ cwd: ctx.cwd, ...(ctx.options.config ? { file: ctx.options.config } : {}) });
  if (found.file) {
    if (!found.loaded) {
      throw new InputError(`the config ${found.file} is not valid: ${found.problems.length} problem(s)`, found.problems.map((p) => renderProblem(p, ctx.cwd)));
    }
    const stock = await readShopStock(found.loaded);
    return { entries: catalogFor(stock.items()), from: `${found.loaded.config.stock.file} (config ${found.file})` };
  }
  try {
    const dir = sampleShopDir();
    const loaded = await loadConfig({ cwd: dir, file: join(dir, 'civetta.config.yaml') });
    return { entries: catalogFor((await readShopStock(loaded)).items()), from: `the sample shop ${loaded.config.stock.file} (no civetta config found here)` };
  } catch (error) {
    // The sample shop only makes the demo data match; the simulator works without it.
    ctx.out.log.warn(`the sample shop's products are not in the simulated catalogue: ${error instanceof Error ? error.message : String(error)}`);
    return { entries: [], from: 'nothing' };
  }
}

/** The lines to paste under `channels:` so a config talks to this simulator. */
function configSnippet(endpoints: Simulator['endpoints']): string[] {
  return [
    'channels:',
    ...(['amazon', 'ebay'] as const).flatMap((c) => [
      `  ${c}:`,
      '    environment: simulator',
      `    endpoint: ${endpoints[c].endpoint}`,
      `    tokenEndpoint: ${endpoints[c].tokenEndpoint}`,
    ]),
  ];
}

/**
 * Simulated shoppers and the state file: places orders when due, saves the state when it
 * changed (once a second at most, and on stop). Timers are unref'd: only the signal keeps the
 * process alive.
 */
function startHousekeeping(sim: Simulator, opts: { stateFile?: string; plan: ShopperPlan; timeScale: number; say: (line: string) => void; warn: (line: string) => void }) {
  let plan = opts.plan;
  let placed = 0;
  let seed = 1;
  let orderTimer: NodeJS.Timeout | undefined;
  const scheduleOrder = () => {
    const delay = nextOrderDelayMs(plan, Math.random());
    if (delay === undefined) return;
    orderTimer = setTimeout(placeOne, delay / opts.timeScale);
    orderTimer.unref();
  };
  const placeOne = () => {
    // Both channels in turn, whichever holds a buyable listing; none yet (before the first sync) = try again later.
    const channels = Math.random() < 0.5 ? (['amazon', 'ebay'] as const) : (['ebay', 'amazon'] as const);
    for (const channel of channels) {
      seed += 1;
      const [order] = sim.buyers.generate({ channel, count: 1, seed: Date.now() + seed });
      if (!order) continue;
      if (channel === 'amazon') sim.buyers.advance(order.orderId, 'UNSHIPPED');
      placed += 1;
      plan = afterOrder(plan);
      opts.say(orderLine(order));
      break;
    }
    scheduleOrder();
  };
  scheduleOrder();

  let savedMark = -1;
  let saving: Promise<void> = Promise.resolve();
  const mark = () => sim.writeCount() + placed;
  const save = (force: boolean): Promise<void> => {
    if (!opts.stateFile || (!force && mark() === savedMark)) return saving;
    const file = opts.stateFile;
    const m = mark();
    saving = saving.then(() => writeSnapshot(file, sim.snapshotText())).then(
      () => {
        savedMark = m;
      },
      (e: unknown) => opts.warn(`the state could not be saved to ${file}: ${e instanceof Error ? e.message : String(e)}`),
    );
    return saving;
  };
  const saver = setInterval(() => void save(false), 1000);
  saver.unref();
  return {
    async stop(): Promise<void> {
      if (orderTimer) clearTimeout(orderTimer);
      clearInterval(saver);
      await save(true);
    },
  };
}

/** Resolves on SIGINT or SIGTERM. */
function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * `civetta simulator [--port P] [--state FILE] [--orders N] [--buyers R]`: runs the Amazon + eBay
 * simulator (autoCatalog on, the shop's products in the catalogue) until SIGINT/SIGTERM. Under
 * --json it emits the endpoints line at once through ctx.out.emitJson, because the command only
 * returns when stopped. `stop` replaces the signals (tests).
 */
export async function run(args: SimulatorArgs, ctx: RunContext, stop: Promise<void> = untilSignal()): Promise<CommandResult> {
  const port = parsePort(args.port);
  const timeScale = parseTimeScale(ctx.env.CIVETTA_SIM_TIME_SCALE);
  const plan: ShopperPlan = { burst: Math.floor(count('--orders', args.orders)), perHour: count('--buyers', args.buyers) };
  const stateFile = args.state === undefined ? undefined : resolve(ctx.cwd, args.state);
  let restore: SimSnapshot | undefined;
  try {
    restore = stateFile ? readSnapshot(stateFile) : undefined;
  } catch (error) {
    throw new InputError(`--state: ${error instanceof Error ? error.message : String(error)}; give a new file name, or remove this one to start afresh.`);
  }
  const catalog = await shopCatalog(ctx);
  const sim = await startSimulator({ port, timeScale, amazon: { autoCatalog: true, catalog: catalog.entries }, ...(restore ? { restore } : {}) }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new InputError(`port ${port} on 127.0.0.1 ${code === 'EADDRINUSE' ? 'is already in use' : 'is not allowed for this user'}: choose another --port, or --port 0 for any free one.`);
    }
    throw error;
  });
  ctx.out.log.info(`Amazon catalogue: ${catalog.entries.length} product(s) from ${catalog.from}; any other valid EAN is a generic product`);
  if (stateFile) {
    ctx.out.log.info(restore
      ? `state: ${stateFile} (saved ${restore.savedAt}: ${restore.amazon.listings.size} Amazon listing(s), ${restore.ebay.offers.size} eBay offer(s), ${restore.orders.length} order(s))`
      : `state: ${stateFile} (new; kept across restarts)`);
  }
  const endpoints = sim.endpoints;
  if (ctx.options.json) {
    ctx.out.emitJson(endpoints);
  } else {
    ctx.out.print([
      `civetta simulator listening on ${sim.origin}${timeScale === 1 ? '' : ` (time scale ${timeScale})`}`,
      '',
      'Paste into your civetta config (keep the other channel keys as they are):',
      ...configSnippet(endpoints).map((l) => `  ${l}`),
      '',
      'Credentials: a config with `environment: simulator` needs none. Otherwise use the simulator defaults',
      '(README "Simulator"; refresh tokens are hidden here because civetta never prints token-shaped text):',
      `  amazon client id ${AMAZON_DEFAULT_CREDENTIALS.clientId}, seller id ${DEFAULT_AMAZON_SELLER_ID}`,
      `  ebay client id   ${EBAY_DEFAULT_CREDENTIALS.clientId}`,
      ...(plan.burst > 0 || plan.perHour > 0
        ? ['', `Shoppers: ${plan.burst > 0 ? `${plan.burst} order(s) over the next minutes` : ''}${plan.burst > 0 && plan.perHour > 0 ? ', then ' : ''}${plan.perHour > 0 ? `${plan.perHour} an hour` : ''}, on the listings held here (none before your first sync).`]
        : []),
      '',
      'Press Ctrl+C to stop.',
    ].join('\n'));
  }
  const housekeeping = startHousekeeping(sim, {
    ...(stateFile ? { stateFile } : {}),
    plan,
    timeScale,
    say: (line) => (ctx.options.json ? ctx.out.log.info(line) : ctx.out.print(line)),
    warn: (line) => ctx.out.log.warn(line),
  });
  await stop;
  await housekeeping.stop();
  await sim.close();
  ctx.out.log.info(`simulator stopped${stateFile ? `; state saved to ${stateFile}` : ''}`);
  return { exitCode: ExitCode.ok, json: endpoints };
}
