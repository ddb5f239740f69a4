import { openEbayApp } from '../../app/open-ebay-app.js';
import type { CommandResult, RunContext } from '../../app/run-context.js';
import type { AspectInfo } from '../../channels/ebay/index.js';
import { ExitCode, InputError } from '../../errors.js';

/** Arguments of `civetta ebay categories QUERY`. */
export interface EbayCategoriesArgs {
  query: string;
  /** How many suggestions get their required aspects listed (default 3). */
  limit?: number;
}

/** One suggested category in the command's JSON output. */
export interface CategoryFinding {
  categoryId: string;
  name: string;
  path: string;
  requiredAspects?: Array<{ name: string; mode?: string; multi: boolean; values: string[] }>;
}

/**
 * `civetta ebay categories QUERY`: the marketplace's default category tree, eBay's suggestions
 * for the words, and for the best few their required aspects (Taxonomy API, application token:
 * only the client id and secret are needed).
 */
export async function run(args: EbayCategoriesArgs, ctx: RunContext): Promise<CommandResult> {
  const query = args.query?.trim();
  if (!query) throw new InputError('give some words to search for, e.g. `civetta ebay categories "lego city"`');
  const { ebay, client } = await openEbayApp(ctx);
  const treeId = await client.categoryTreeId();
  const suggestions = await client.categorySuggestions(treeId, query);
  const limit = Math.max(0, args.limit ?? 3);
  const findings: CategoryFinding[] = [];
  for (const [i, s] of suggestions.entries()) {
    const ancestors = (s.categoryTreeNodeAncestors ?? []).map((a) => a.categoryName ?? a.categoryId ?? '').reverse();
    const finding: CategoryFinding = {
      categoryId: s.category.categoryId,
      name: s.category.categoryName ?? s.category.categoryId,
      path: [...ancestors, s.category.categoryName ?? s.category.categoryId].filter(Boolean).join(' > '),
    };
    if (i < limit) finding.requiredAspects = (await client.itemAspects(treeId, finding.categoryId)).filter((a) => a.required).map(aspectJson);
    findings.push(finding);
  }
  ctx.out.print(render(ebay.marketplaceId, treeId, query, findings));
  return { exitCode: ExitCode.ok, json: { marketplaceId: ebay.marketplaceId, categoryTreeId: treeId, query, categories: findings } };
}

function aspectJson(a: AspectInfo) {
  return { name: a.name, ...(a.mode ? { mode: a.mode } : {}), multi: a.multi, values: a.values.slice(0, 20) };
}

function render(marketplaceId: string, treeId: string, query: string, findings: readonly CategoryFinding[]): string {
  if (!findings.length) return `No eBay category suggested for "${query}" on ${marketplaceId}. Try other words.`;
  const lines = [`eBay categories for "${query}" on ${marketplaceId} (category tree ${treeId}):`, ''];
  for (const f of findings) {
    lines.push(`  ${f.categoryId.padEnd(8)} ${f.path}`);
    if (f.requiredAspects) {
      lines.push(
        f.requiredAspects.length
          ? `           required aspects: ${f.requiredAspects.map((a) => (a.values.length ? `${a.name} (e.g. ${a.values.slice(0, 3).join(', ')})` : a.name)).join('; ')}`
          : '           no required aspects',
      );
    }
  }
  lines.push('', 'Map a shop category in the config, e.g.:', `  channels.ebay.categories: { "<shop category>": { id: "${findings[0]?.categoryId ?? ''}", aspects: { Marca: "{brand}" } } }`);
  return lines.join('\n');
}
