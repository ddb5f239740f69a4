import { join } from 'node:path';
import { loadConfig } from '../../config/load.js';
import { parseTimeScale } from '../../config/time-scale.js';
import { InputError, ExitCode } from '../../errors.js';
import { readShopStock } from '../../stock/read-shop-stock.js';
import { catalogFor, sampleShopDir } from '../../orders/demo-shop.js';
import {
  AMAZON_DEFAULT_CREDENTIALS, DEFAULT_AMAZON_SELLER_ID, EBAY_DEFAULT_CREDENTIALS, startSimulator, type CatalogEntry,
} from '../../simulator/index.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';

export interface SimulatorArgs {
  /** Port on 127.0.0.1; 0 or absent = a free port. Commander may hand it over already parsed. */
  port?: string | number;
}

function parsePort(raw: string | number | undefined): number {
  if (raw === undefined) return 0;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InputError(`--port must be an integer between 0 and 65535 (got "${String(raw)}").`);
  return n;
}

/**
 * The products the simulated Amazon catalogue knows by EAN, with their real titles and brands:
 * the shop of `--config` when given, else the sample shop in fixtures/ (which the sample config
 * syncs against this simulator). Other valid EANs still resolve to generic products.
 */
async function shopCatalog(ctx: RunContext): Promise<{ entries: CatalogEntry[]; from: string }> {
  if (ctx.options.config) {
    const loaded = await ctx.loadConfig();
    return { entries: catalogFor((await readShopStock(loaded)).items), from: loaded.config.stock.file };
  }
  try {
    const dir = sampleShopDir();
    const loaded = await loadConfig({ cwd: dir, file: join(dir, 'civetta.config.yaml') });
    return { entries: catalogFor((await readShopStock(loaded)).items), from: loaded.config.stock.file };
  } catch (error) {
    // The sample shop only makes the demo data match; the simulator works without it.
    ctx.out.log.warn(`the sample shop's products are not in the simulated catalogue: ${error instanceof Error ? error.message : String(error)}`);
    return { entries: [], from: 'nothing' };
  }
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
 * `civetta simulator [--port P]`: runs the Amazon + eBay simulator (autoCatalog on, the shop's
 * products in the catalogue) until SIGINT/SIGTERM. Under --json it emits the endpoints line at once through ctx.out.emitJson,
 * because the command only returns when stopped. `stop` replaces the signals (tests).
 */
export async function run(args: SimulatorArgs, ctx: RunContext, stop: Promise<void> = untilSignal()): Promise<CommandResult> {
  const port = parsePort(args.port);
  const timeScale = parseTimeScale(ctx.env.CIVETTA_SIM_TIME_SCALE);
  const catalog = await shopCatalog(ctx);
  const sim = await startSimulator({ port, timeScale, amazon: { autoCatalog: true, catalog: catalog.entries } }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new InputError(`port ${port} on 127.0.0.1 ${code === 'EADDRINUSE' ? 'is already in use' : 'is not allowed for this user'}: choose another --port, or --port 0 for any free one.`);
    }
    throw error;
  });
  ctx.out.log.info(`Amazon catalogue: ${catalog.entries.length} product(s) from ${catalog.from}; any other valid EAN is a generic product`);
  const endpoints = sim.endpoints;
  if (ctx.options.json) {
    ctx.out.emitJson(endpoints);
  } else {
    ctx.out.print([
      `civetta simulator listening on ${sim.origin}${timeScale === 1 ? '' : ` (time scale ${timeScale})`}`,
      `  amazon endpoint       ${endpoints.amazon.endpoint}`,
      `  amazon tokenEndpoint  ${endpoints.amazon.tokenEndpoint}`,
      `  ebay endpoint         ${endpoints.ebay.endpoint}`,
      `  ebay tokenEndpoint    ${endpoints.ebay.tokenEndpoint}`,
      '',
      'Credentials: a config with `environment: simulator` needs none. Otherwise use the simulator defaults',
      '(README "Simulator"; refresh tokens are hidden here because civetta never prints token-shaped text):',
      `  amazon client id ${AMAZON_DEFAULT_CREDENTIALS.clientId}, seller id ${DEFAULT_AMAZON_SELLER_ID}`,
      `  ebay client id   ${EBAY_DEFAULT_CREDENTIALS.clientId}`,
      '',
      'Press Ctrl+C to stop.',
    ].join('\n'));
  }
  await stop;
  await sim.close();
  ctx.out.log.info('simulator stopped');
  return { exitCode: ExitCode.ok, json: endpoints };
}
