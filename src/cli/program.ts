import { STOCK_FORMATS } from '../config/schema.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CHANNEL_IDS } from '../domain/ids.js';
import { KNOWN_CARRIERS } from '../orders/carriers.js';
import type { GlobalOptions } from '../app/run-context.js';
import { GUARD_NAMES } from '../plan/guards.js';

/** The command modules under src/cli/commands, one per contract command (file name without .ts). */
const COMMAND_FILES = [
  'init', 'validate', 'hooks', 'plan', 'sync', 'list', 'delist',
  'orders-pull', 'orders-export', 'orders-ship', 'orders-purge-pii',
  'auth-ebay', 'ebay-categories', 'status', 'report-hooks', 'simulator', 'demo',
] as const;
export type CommandFile = (typeof COMMAND_FILES)[number];

/** Called by every command action: the command file, its own flags and positionals, and the global flags. */
export type Invoke = (file: CommandFile, args: Record<string, unknown>, globals: GlobalOptions) => Promise<void>;

function integer(name: string, min: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min) {
      throw new InvalidArgumentError(`${name} must be a whole number ≥ ${min}.`);
    }
    return Number(value);
  };
}

const collect = (value: string, previous: string[]) => [...previous, value];
const channelOption = (what = 'only this channel') =>
  new Option('--channel <channel>', what).choices([...CHANNEL_IDS]);

function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Declares one leaf command whose action hands its parsed flags and positionals to `invoke`. */
function leaf(parent: Command, spec: string, file: CommandFile, summary: string, invoke: Invoke): Command {
  const cmd = parent.command(spec).description(summary);
  cmd.action(async (...params: unknown[]) => {
    const self = params[params.length - 1] as Command;
    const args: Record<string, unknown> = { ...self.opts() };
    self.registeredArguments.forEach((a, i) => {
      args[camel(a.name())] = params[i];
    });
    const g = self.optsWithGlobals<Record<string, unknown>>();
    await invoke(file, args, {
      ...(typeof g.config === 'string' ? { config: g.config } : {}),
      json: g.json === true,
      quiet: g.quiet === true,
      verbose: g.verbose === true,
    });
  });
  return cmd;
}

/**
 * The registry of every contract command (cli-contract.md "Commands") with its flags and help.
 * Numeric flags (--quantity, --port, --older-than) arrive as numbers; everything else as given.
 */
export function buildProgram(
  version: string,
  invoke: Invoke,
  write: { out: (text: string) => void; err: (text: string) => void },
): Command {
  const program = new Command('civetta')
    .description('Lists a shop\'s few best "hook" products on Amazon and eBay, keeps their price and stock right, and pulls the orders into a local ledger.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--config <file>', 'the config file (default: searched from the working directory upwards)')
    .option('--json', 'machine-readable result on stdout, nothing else on stdout')
    .option('--quiet', 'only warnings and errors on stderr')
    .option('--verbose', 'debug lines on stderr')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: write.out, writeErr: write.err })
    .exitOverride();

  leaf(program, 'init', 'init', 'write a commented starter config (civetta.config.yaml), made for your export with --format', invoke)
    .option('--dir <dir>', 'folder to write into', '.')
    .option('--format <format>', `your stock export: ${STOCK_FORMATS.join(' | ')}`);
  leaf(program, 'validate', 'validate', 'load the config and the stock file and report the problems grouped by cause, with the fix; exit 2 if a run would be unsafe', invoke)
    .option('--all', 'every problem on its own line instead of the grouped summary', false)
    .option('--remote', 'also check the marketplace accounts, read-only (eBay policies, location, required aspects)', false);
  leaf(program, 'hooks', 'hooks', 'show the hook selection per channel: SKU, title, channel price and quantity, rule', invoke)
    .addOption(channelOption())
    .option('--explain', "show every rule's verdict per product", false);
  leaf(program, 'plan', 'plan', 'show what a sync would do (creates, updates old → new, delists); writes nothing', invoke)
    .addOption(channelOption())
    .option('--refresh', 'read the live listings first and report drift', false);
  leaf(program, 'sync', 'sync', 'pull orders, plan, apply and record: the cron entry point', invoke)
    .addOption(channelOption())
    .option('--dry-run', 'plan and check the guards, send nothing', false)
    .option('--yes', 'do not ask for confirmation (a safety guard still stops the run)', false)
    .option('--force-guard <name>', `override this safety guard for this run only (repeatable; recorded in the ledger): ${GUARD_NAMES.join(', ')}`, collect, [])
    .option('--retry-held', 'send again the items held after a refusal, although their stock row and config did not change', false);
  leaf(program, 'list <sku>', 'list', 'list or update one product now, even if no rule selects it (it becomes pinned)', invoke)
    .addOption(channelOption('the channel to list on').makeOptionMandatory())
    .option('--price <price>', 'channel price, VAT included (e.g. 12.90); default: the pricing rules')
    .option('--quantity <n>', 'units to offer; default: the stock rules', integer('--quantity', 0));
  leaf(program, 'delist <sku>', 'delist', 'end the listing and unpin the product', invoke)
    .addOption(channelOption('the channel to end it on').makeOptionMandatory())
    .option('--exclude', 'also add the SKU to hooks.exclude, so no rule lists it again', false);

  const orders = program.command('orders').description('marketplace orders in the ledger');
  leaf(orders, 'pull', 'orders-pull', 'fetch new and changed orders into the ledger', invoke)
    .addOption(channelOption())
    .option('--since <iso>', 'start from this date-time instead of the saved cursor');
  leaf(orders, 'export', 'orders-export', 'order lines for accounting; CSV by default, to stdout unless --out', invoke)
    .option('--from <date>', 'first day (inclusive, YYYY-MM-DD)')
    .option('--to <date>', 'last day (inclusive, YYYY-MM-DD)')
    .addOption(channelOption())
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .option('--out <file>', 'write to this file instead of stdout')
    .addOption(new Option('--style <style>', 'plain: comma, decimal point; it: semicolon, decimal comma, Excel-ready').choices(['plain', 'it']).default('plain'))
    .option('--no-pii', 'leave the buyer name and address columns out');
  leaf(orders, 'ship <order>', 'orders-ship', 'send carrier and tracking number to the channel the order came from', invoke)
    .option('--carrier <name>', `a carrier civetta knows, sent as each marketplace's own code (case and spaces ignored): ${KNOWN_CARRIERS.join(', ')}`)
    .option('--carrier-code <code>', "the marketplace's own carrier code, passed through unchanged (eBay: Bartolini, PosteItaliane …)")
    .requiredOption('--tracking <number>', 'tracking number');
  leaf(orders, 'purge-pii', 'orders-purge-pii', 'erase buyer names and addresses past the retention period', invoke)
    .option('--older-than <days>', 'days after shipment (default: orders.piiRetentionDays)', integer('--older-than', 0));

  const auth = program.command('auth').description('marketplace authorisation');
  leaf(auth, 'ebay', 'auth-ebay', 'walk through eBay consent and print where to store the refresh token', invoke)
    .option('--code <code>', 'the authorization code, or the whole address eBay sent you to (otherwise typed when asked, or read from stdin; --code is visible in ps)')
    .option('--write-env', 'write CIVETTA_EBAY_REFRESH_TOKEN into the .env beside the config (mode 0600)')
    .option('--print', 'show the refresh token once on the terminal instead (terminal only)');

  const ebay = program.command('ebay').description('eBay helpers');
  leaf(ebay, 'categories <query>', 'ebay-categories', 'find eBay category ids and their required aspects', invoke)
    .option('--limit <n>', 'show the required aspects of the best N categories (default 3)', integer('--limit', 0));

  leaf(program, 'status', 'status', 'last runs, failures, listings per channel, unshipped orders past their handling time', invoke);

  const report = program.command('report').description('reports from the ledger');
  leaf(report, 'hooks', 'report-hooks', 'per hook product: orders, units, revenue and margin per channel', invoke)
    .option('--since <date>', 'from this day (YYYY-MM-DD)')
    .option('--html <file>', 'also write a self-contained HTML page')
    .option('--idle-days <days>', 'flag hooks with no sale in this many days (default 30)', integer('--idle-days', 1));

  leaf(program, 'simulator', 'simulator', 'start the built-in Amazon + eBay simulator on loopback for your shop and print the config lines to paste; runs until stopped', invoke)
    .option('--port <port>', 'port to listen on (default: any free port)', integer('--port', 0))
    .option('--state <file>', 'keep listings, offers and orders in this file across restarts')
    .option('--orders <n>', 'place N orders over the next minutes on the listings it holds', integer('--orders', 0))
    .option('--buyers <r>', 'then keep placing R orders an hour', integer('--buyers', 0));
  leaf(program, 'demo', 'demo', 'the whole cycle on the built-in simulator and the sample shop', invoke);

  return program;
}
