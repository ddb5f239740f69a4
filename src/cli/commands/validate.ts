import type { EbayChannel } from '../../channels/ebay/index.js';
import { LISTING_RULES } from '../../channels/registry.js';
import { readConfig } from '../../config/load.js';
import type { Problem } from '../../domain/problem.js';
import type { ChannelId } from '../../domain/ids.js';
import type { Offer } from '../../domain/offer.js';
import { ChannelAuthError, ExitCode, InputError } from '../../errors.js';
import { channelHooks } from '../../hooks/channel-hooks.js';
import { enabledChannels } from '../../config/enabled-channels.js';
import { FORMAT_PRESETS } from '../../config/stock-formats.js';
import type { StockReadResult } from '../../stock/read-stock.js';
import { StockFileError } from '../../stock/stock-file-error.js';
import { shopOf, type Shop } from '../../app/open-shop.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { renderEmptyRules, renderNothingListable } from '../render/listability.js';
import { countProblems, renderProblem } from '../render/problems.js';
import { netPriceWarning, renderStockReading, stockReading, type StockReading } from '../render/stock-reading.js';
import { outlookLine, renderValidateSummary } from '../render/validate-summary.js';
import { groupProblems, type ChannelOutlook, type ProblemSource, type ProductFacts, type SourcedProblem } from '../../reports/problem-groups.js';

export interface ValidateArgs {
  /** Also check the marketplace accounts, read-only (eBay: programs, policies, location, required aspects). */
  remote?: boolean;
  /** Every problem on its own line instead of the grouped summary. */
  all?: boolean;
}

/**
 * Loads config and stock, checks every product for each enabled channel, and reports: by default
 * a summary grouped by cause (counts, three examples, the fix), with `--all` every problem on its
 * own line, with `--json` everything. Exit 2 when a run would be unsafe (config errors, a refused
 * stock file, an enabled channel with nothing it can list); 0 otherwise, warnings and products
 * that cannot be listed included. Returns (rather than throws) exit 2 so that --json carries the
 * whole report.
 */
export async function run(args: ValidateArgs, ctx: RunContext): Promise<CommandResult> {
  const { out, cwd } = ctx;
  const sourced: SourcedProblem[] = [];
  // Every problem is kept with its source for the summary; --all prints each under its heading.
  const show = (source: ProblemSource, problems: readonly Problem[]) => {
    for (const problem of problems) {
      sourced.push({ source, problem });
      if (args.all) out.print(`  ${renderProblem(problem, cwd)}`);
    }
  };
  const cfg = await readConfig({ cwd, ...(ctx.options.config ? { file: ctx.options.config } : {}) });
  const cfgCount = countProblems(cfg.problems);
  out.print(`config ${cfg.file ?? '(none found)'}: ${cfg.loaded ? 'ok' : 'INVALID'} (${cfgCount.errors} error(s), ${cfgCount.warnings} warning(s))`);
  show('config', cfg.problems);
  const report: Record<string, unknown> = { config: { file: cfg.file ?? null, valid: Boolean(cfg.loaded), problems: cfg.problems } };
  const outlook: ChannelOutlook[] = [];
  const nothingListable: { channel: ChannelId; products: number; reasons: string[] }[] = [];
  const facts = new Map<string, ProductFacts>();
  let reading: StockReading | undefined;
  let safe = Boolean(cfg.loaded);

  if (cfg.loaded) {
    const shop = shopOf(cfg.loaded, ctx);
    const { loaded } = shop;
    let stock: StockReadResult | undefined;
    // A terminal shows what takes time (a big file, the account check); cron sees nothing.
    const loading = out.progress('Reading the stock file…');
    try {
      stock = await shop.stock();
      loading.done();
    } catch (e) {
      loading.fail();
      if (!(e instanceof StockFileError)) throw e;
      safe = false;
      out.print(`stock ${loaded.config.stock.file}: REFUSED`);
      show('refused', e.problems);
      report.stock = { file: loaded.config.stock.file, refused: true, message: e.message, problems: e.problems };
    }
    if (stock) {
      const s = stock.stats;
      out.print(`stock ${loaded.config.stock.file}: ${s.rows} rows, ${s.goodRows} good, ${s.badRows} bad (${s.encoding}${s.bom ? ' with BOM' : ''}, delimiter ${JSON.stringify(s.delimiter)}, decimal ${JSON.stringify(s.decimal)})`);
      reading = stockReading(stock);
      // The summary shows the reading as its first block; --all has no summary, so here.
      if (args.all) for (const line of renderStockReading(reading)) out.print(line);
      const stockProblems = [...stock.problems, ...netPriceWarning(stock.items(), s.priceIncludesVat, loaded.config.stock.file)];
      show('row', stockProblems);
      for (const item of stock.items()) {
        facts.set(item.sku, { ...(item.brand !== undefined ? { brand: item.brand } : {}), ...(item.category !== undefined ? { category: item.category } : {}) });
      }
      report.stock = { file: loaded.config.stock.file, refused: false, stats: s, problems: stockProblems };
      const channels: Record<string, unknown> = {};
      for (const channel of enabledChannels(loaded)) {
        const checking = out.progress(`${channel}: checking ${stock.count} product(s)…`);
        const productProblems: Problem[] = [];
        let blocked = 0;
        const result = channelHooks(loaded.config, stock, channel, LISTING_RULES[channel], {
          onProblems: (problems) => {
            productProblems.push(...problems);
            if (problems.some((p) => p.severity === 'error')) blocked += 1;
          },
        });
        const credentials: Problem[] = [];
        try {
          shop.credentials(channel);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          credentials.push({ severity: 'warning', code: 'credentials-missing', message: `${e.message} (a sync would stop with exit 2)` });
        }
        const account = args.remote && credentials.length === 0 ? await accountProblems(shop, channel, result.offers) : [];
        checking.done();
        const problems = [...credentials, ...productProblems, ...account];
        out.print(`${channel}: ${stock.count - blocked} product(s) can be listed, ${blocked} cannot; ${result.offers.length} hook(s) selected`);
        show(channel, problems);
        // A channel that can list nothing is what a cron job would do silently forever: exit 2.
        // The summary leads with it (its causes are the groups below it); --all prints the analysis.
        const canList = result.listability;
        if (canList.nothingListable) {
          safe = false;
          nothingListable.push({ channel, products: stock.count, reasons: canList.reasons.map((r) => r.text) });
          if (args.all) out.print(renderNothingListable(canList).join('\n'));
        }
        for (const line of renderEmptyRules(canList)) out.print(line);
        outlook.push({ channel, listable: stock.count - blocked, hooks: result.offers.length });
        channels[channel] = { listable: stock.count - blocked, blocked: blocked, hooks: result.offers.length, problems, listability: canList };
      }
      report.channels = channels;
    }
  }
  const format = cfg.loaded?.config.stock.format ?? 'generic';
  const vatFix = format === 'generic' ? undefined : FORMAT_PRESETS[format].vatFix;
  const groups = groupProblems(sourced, (sku) => facts.get(sku), nothingListable, vatFix ? { vat: vatFix } : {});
  if (!args.all) {
    out.print('');
    for (const line of renderValidateSummary({ ...(reading ? { reading } : {}), groups }, cwd, cfg.file)) out.print(line);
    out.print('');
  }
  // Counted from the kept list one by one: a file of 200,000 rows can give a channel that many
  // problems, past what a call's arguments may spread (`push(...problems)` overflowed the stack).
  const total = countProblems(sourced.map((s) => s.problem));
  out.print(`${total.errors} error(s), ${total.warnings} warning(s): ${safe ? 'a run is safe' : 'a run would be unsafe (exit 2)'}; ${outlookLine(outlook)}`);
  return { exitCode: safe ? ExitCode.ok : ExitCode.invalidInput, json: { safe, summary: total, ...report, reading: reading ?? null, groups, outlook } };
}

/**
 * The marketplace account, read-only: eBay's setup check (programs, business policies, the
 * inventory location, category aspects) without creating anything. Amazon has no account-level
 * setup to check beyond the credentials, which a sync proves first.
 */
async function accountProblems(shop: Shop, channel: ChannelId, offers: readonly Offer[]): Promise<Problem[]> {
  if (channel !== 'ebay') return [];
  try {
    const adapter = shop.adapter('ebay') as EbayChannel | undefined;
    if (!adapter) return [];
    await adapter.authenticate();
    return (await adapter.setupCheck(offers, { createLocation: false })).problems;
  } catch (e) {
    if (e instanceof ChannelAuthError) return [{ severity: 'error', code: 'credentials-refused', message: `${e.message} (a sync would stop this channel with exit 5)` }];
    return [{ severity: 'warning', code: 'account-check-failed', message: `ebay: the account could not be checked: ${e instanceof Error ? e.message : String(e)}` }];
  }
}
