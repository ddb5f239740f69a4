import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ExitCode, InputError } from '../../errors.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import { packageRoot } from '../version.js';

export interface InitArgs {
  /** Folder to write into (default: the working directory). */
  dir: string;
}

/** What init writes: target path (relative to --dir) → shipped file (relative to the package). */
const FILES: readonly [string, string][] = [
  ['civetta.config.yaml', 'config/civetta.config.template.yaml'],
  ['mappings/woocommerce.yaml', 'config/mappings/woocommerce.yaml'],
  ['mappings/shopify.yaml', 'config/mappings/shopify.yaml'],
];

/** Writes the commented starter config and the example stock mappings; never overwrites (exit 2). */
export async function run(args: InitArgs, ctx: RunContext): Promise<CommandResult> {
  const dir = resolve(ctx.cwd, args.dir);
  const root = packageRoot();
  const targets = FILES.map(([to, from]) => ({ to: join(dir, to), from: join(root, from) }));
  const existing = targets.filter((t) => existsSync(t.to));
  if (existing.length) {
    throw new InputError(`init refuses to overwrite: ${existing.map((t) => t.to).join(', ')} already exist(s)`, [
      'Move or delete them first, or choose another folder with --dir.',
    ]);
  }
  for (const t of targets) {
    mkdirSync(join(t.to, '..'), { recursive: true });
    writeFileSync(t.to, readFileSync(t.from), { flag: 'wx' });
  }
  const written = targets.map((t) => relative(ctx.cwd, t.to) || t.to);
  ctx.out.print(`Wrote ${written.join(', ')}.`);
  ctx.out.print('Next: put your stock export where stock.file says, adjust stock.columns, then run `civetta validate`.');
  return { exitCode: ExitCode.ok, json: { written: targets.map((t) => t.to) } };
}
