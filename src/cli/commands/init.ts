import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { STOCK_FORMATS, type StockFormat } from '../../config/schema.js';
import { ExitCode, InputError } from '../../errors.js';
import { FORMAT_PRESETS, stockSectionYaml } from '../../config/stock-formats.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { packageRoot } from '../version.js';

export interface InitArgs {
  /** Folder to write into (default: the working directory). */
  dir: string;
  /** The shop's export (`stock.format`); generic keeps the template's own columns. */
  format?: string;
}

const TEMPLATE = 'config/civetta.config.template.yaml';

/** The template with its `stock:` section (up to the blank line after it) made for `format`. */
export function starterConfig(template: string, format: StockFormat): string {
  if (format === 'generic') return template;
  const lines = template.split('\n');
  const start = lines.findIndex((l) => l.startsWith('stock:'));
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  if (start < 0 || end < 0) throw new Error(`${TEMPLATE} has no stock: section`);
  const text = [...lines.slice(0, start), stockSectionYaml(format), ...lines.slice(end)].join('\n');
  // An export without a purchase cost (WooCommerce, Shopify stores that leave it empty) cannot
  // rank by margin: the example rule ranks by stock instead until a cost column is mapped.
  if (FORMAT_PRESETS[format].columns.cost !== undefined) return text;
  return text.replace(/, margin: \{ min: [\d.]+ \}/, '').replace(/rank: margin( *)#.*/, 'rank: quantity$1# quantity | price | -price | sales (margin needs stock.columns.cost)');
}

function parseFormat(format: string | undefined): StockFormat {
  if (format === undefined) return 'generic';
  const known = (STOCK_FORMATS as readonly string[]).find((f) => f === format.trim().toLowerCase());
  if (known === undefined) {
    throw new InputError(`init --format: unknown format "${format}"`, [`Expected one of: ${STOCK_FORMATS.join(', ')}.`]);
  }
  return known as StockFormat;
}

/** Writes the commented starter config, its stock section made for `--format`; never overwrites (exit 2). */
export async function run(args: InitArgs, ctx: RunContext): Promise<CommandResult> {
  const format = parseFormat(args.format);
  const dir = resolve(ctx.cwd, args.dir);
  const target = join(dir, 'civetta.config.yaml');
  if (existsSync(target)) {
    throw new InputError(`init refuses to overwrite: ${target} already exists`, ['Move or delete it first, or choose another folder with --dir.']);
  }
  const text = starterConfig(readFileSync(join(packageRoot(), TEMPLATE), 'utf8'), format);
  mkdirSync(dir, { recursive: true });
  writeFileSync(target, text, { flag: 'wx' });
  ctx.out.print(`Wrote ${relative(ctx.cwd, target) || target}${format === 'generic' ? '' : ` for a ${format} export`}.`);
  ctx.out.print(
    format === 'generic'
      ? 'Next: put your stock export where stock.file says, adjust stock.columns, then run `civetta validate`.'
      : 'Next: save your export where stock.file says, then run `civetta validate`: it names the format and shows two products as civetta reads them.',
  );
  return { exitCode: ExitCode.ok, json: { written: [target], format } };
}
