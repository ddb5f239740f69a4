import { readConfig } from '../../config/load.js';
import { channelCredentials } from '../../config/credentials.js';
import type { Problem } from '../../domain/problem.js';
import { ExitCode, InputError } from '../../errors.js';
import { channelHooks } from '../../hooks/channel-hooks.js';
import { enabledChannels, readShopStock } from '../../hooks/desired-offers.js';
import type { StockReadResult } from '../../stock/read-stock.js';
import { StockFileError } from '../../stock/stock-file-error.js';
import type { CommandResult, RunContext } from '../context.js';
import { countProblems, renderProblem } from '../render/problems.js';

// validate takes only the global flags.
export type ValidateArgs = Record<string, never>;

/**
 * Loads config and stock, checks every product for each enabled channel, and prints every
 * problem. Exit 2 when a run would be unsafe (config errors, a refused stock file); 0 otherwise,
 * warnings and products that cannot be listed included. Returns (rather than throws) exit 2 so
 * that --json carries the whole report.
 */
export async function run(_args: ValidateArgs, ctx: RunContext): Promise<CommandResult> {
  const { out, cwd } = ctx;
  const show = (p: Problem) => out.print(`  ${renderProblem(p, cwd)}`);
  const cfg = await readConfig({ cwd, ...(ctx.options.config ? { file: ctx.options.config } : {}) });
  const cfgCount = countProblems(cfg.problems);
  out.print(`config ${cfg.file ?? '(none found)'}: ${cfg.loaded ? 'ok' : 'INVALID'} (${cfgCount.errors} error(s), ${cfgCount.warnings} warning(s))`);
  cfg.problems.forEach(show);
  const report: Record<string, unknown> = { config: { file: cfg.file ?? null, valid: Boolean(cfg.loaded), problems: cfg.problems } };
  const all: Problem[] = [...cfg.problems];
  let safe = Boolean(cfg.loaded);

  if (cfg.loaded) {
    const loaded = cfg.loaded;
    let stock: StockReadResult | undefined;
    try {
      stock = await readShopStock(loaded);
    } catch (e) {
      if (!(e instanceof StockFileError)) throw e;
      safe = false;
      out.print(`stock ${loaded.config.stock.file}: REFUSED`);
      e.problems.forEach(show);
      all.push(...e.problems);
      report.stock = { file: loaded.config.stock.file, refused: true, message: e.message, problems: e.problems };
    }
    if (stock) {
      const s = stock.stats;
      out.print(`stock ${loaded.config.stock.file}: ${s.rows} rows, ${s.goodRows} good, ${s.badRows} bad (${s.encoding}${s.bom ? ' with BOM' : ''}, delimiter ${JSON.stringify(s.delimiter)}, decimal ${JSON.stringify(s.decimal)})`);
      stock.problems.forEach(show);
      all.push(...stock.problems);
      report.stock = { file: loaded.config.stock.file, refused: false, stats: s, problems: stock.problems };
      const channels: Record<string, unknown> = {};
      for (const channel of enabledChannels(loaded)) {
        const result = channelHooks(loaded.config, stock.items, channel);
        const blocked = new Set(result.problems.filter((p) => p.severity === 'error').map((p) => p.sku));
        const credentials: Problem[] = [];
        try {
          channelCredentials(loaded, channel, ctx.env);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          credentials.push({ severity: 'warning', code: 'credentials-missing', message: `${e.message} (a sync would stop with exit 2)` });
        }
        out.print(`${channel}: ${stock.items.length - blocked.size} product(s) can be listed, ${blocked.size} cannot; ${result.offers.length} hook(s) selected`);
        [...credentials, ...result.problems].forEach(show);
        all.push(...credentials, ...result.problems);
        channels[channel] = { listable: stock.items.length - blocked.size, blocked: blocked.size, hooks: result.offers.length, problems: [...credentials, ...result.problems] };
      }
      report.channels = channels;
    }
  }
  const total = countProblems(all);
  out.print(`${total.errors} error(s), ${total.warnings} warning(s): ${safe ? 'a run is safe' : 'a run would be unsafe (exit 2)'}`);
  return { exitCode: safe ? ExitCode.ok : ExitCode.invalidInput, json: { safe, summary: total, ...report } };
}
