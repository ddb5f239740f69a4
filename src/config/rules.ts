import type { Problem } from '../domain/problem.js';
import { CHANNEL_IDS } from '../domain/ids.js';
import type { Config } from './schema.js';
import { foldWord } from './fold-word.js';
import { PRODUCT_SAFETY_RULES } from './product-safety-rules.js';
import { columnHeader } from './stock-formats.js';

/** A finding of a cross-field rule, located by key path (turned into a Problem by the loader). */
export interface RuleFinding extends Omit<Problem, 'key' | 'file' | 'line' | 'column'> {
  path: PropertyKey[];
}

/** One cross-field check: small, named, pure. */
export type ConfigRule = (config: Config) => RuleFinding[];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

function enabledChannels(config: Config) {
  return CHANNEL_IDS.flatMap((id) => {
    const c = config.channels[id];
    return c?.enabled ? [{ id, channel: c }] : [];
  });
}

/** A price floor is cost + fees + floorMargin: without a cost column there is none. */
const floorsNeedCost: ConfigRule = (config) => {
  if (columnHeader(config.stock, 'cost')) return [];
  return enabledChannels(config).map(({ id, channel }) =>
    channel.pricing.floorMargin > 0
      ? { path: ['channels', id, 'pricing', 'floorMargin'], severity: 'error' as const, code: 'floor-needs-cost', value: String(channel.pricing.floorMargin), expected: 'stock.columns.cost mapped to the purchase-cost column', message: `channels.${id}.pricing.floorMargin needs the purchase cost: map stock.columns.cost` }
      : { path: ['stock', 'columns'], severity: 'warning' as const, code: 'no-floor', message: `no cost column (stock.columns.cost): ${id} prices have no floor` },
  );
};

/** Margin and cost filters, and ranking by margin, need the cost column. */
const marginRulesNeedCost: ConfigRule = (config) => {
  if (columnHeader(config.stock, 'cost')) return [];
  return config.hooks.rules.flatMap((rule, i) => {
    const uses = [rule.where.margin && 'where.margin', rule.where.cost && 'where.cost', rule.rank === 'margin' && 'rank: margin'].filter(Boolean);
    return uses.length
      ? [{ path: ['hooks', 'rules', i], severity: 'error' as const, code: 'rule-needs-cost', value: uses.join(', '), expected: 'stock.columns.cost mapped', message: `rule "${rule.name}" uses ${uses.join(', ')} but stock.columns.cost is not mapped` }]
      : [];
  });
};

/** eBay lists a product only in a mapped category: warn about rule categories with no mapping. */
const ebayCategoriesMapped: ConfigRule = (config) => {
  const ebay = config.channels.ebay;
  if (!ebay?.enabled) return [];
  const mapped = new Set(Object.keys(ebay.categories).map(foldWord));
  return config.hooks.rules.flatMap((rule, i) => {
    if (rule.channels && !rule.channels.includes('ebay')) return [];
    const missing = (rule.where.category ?? []).filter((c) => !mapped.has(foldWord(c)));
    return missing.map((category) => ({
      path: ['hooks', 'rules', i, 'where', 'category'],
      severity: 'warning' as const,
      code: 'ebay-category-unmapped',
      value: category,
      expected: `an entry in channels.ebay.categories`,
      message: `rule "${rule.name}" selects category "${category}", which has no eBay category in channels.ebay.categories: those products are not listed on eBay`,
    }));
  });
};

/** Every endpoint is https, except loopback (the simulator, a test server): checked before any request. */
const endpointsSecure: ConfigRule = (config) =>
  enabledChannels(config).flatMap(({ id, channel }) =>
    (['endpoint', 'tokenEndpoint'] as const).flatMap((key) => {
      const value = channel[key];
      if (!value) return [];
      const url = new URL(value);
      if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))) return [];
      return [{ path: ['channels', id, key], severity: 'error' as const, code: 'endpoint-insecure', value, expected: 'an https:// URL (http:// only for 127.0.0.1 or localhost)', message: `channels.${id}.${key}: found "${value}", expected an https:// URL (plain http only on loopback)` }];
    }),
  );

/**
 * The simulator has no fixed address: a simulator channel must name both endpoints, and they must
 * be on this machine (loopback). A "simulator" channel gets the simulator's public credentials,
 * so pointing it anywhere else can only be a mistake or a trap.
 */
const simulatorNeedsEndpoints: ConfigRule = (config) =>
  enabledChannels(config).flatMap(({ id, channel }) =>
    channel.environment !== 'simulator'
      ? []
      : (['endpoint', 'tokenEndpoint'] as const).flatMap((key) => {
          const value = channel[key];
          if (!value) {
            return [{ path: ['channels', id, key], severity: 'error' as const, code: 'simulator-endpoint-missing', expected: 'the URL printed by `civetta simulator`', message: `channels.${id}.${key} is required with environment: simulator (start \`civetta simulator\` and copy its endpoints)` }];
          }
          if (isLoopback(new URL(value))) return [];
          return [{ path: ['channels', id, key], severity: 'error' as const, code: 'simulator-endpoint-remote', value, expected: 'an address on this machine (127.0.0.1 or localhost), as `civetta simulator` prints', message: `channels.${id}.${key}: found "${value}", but environment: simulator only talks to this machine (127.0.0.1 or localhost)` }];
        }),
  );

const ruleNamesUnique: ConfigRule = (config) => {
  const seen = new Set<string>();
  return config.hooks.rules.flatMap((rule, i) => {
    if (!seen.has(rule.name)) {
      seen.add(rule.name);
      return [];
    }
    return [{ path: ['hooks', 'rules', i, 'name'], severity: 'error' as const, code: 'rule-name-duplicate', value: rule.name, expected: 'a name no other rule has', message: `hooks.rules[${i}].name: "${rule.name}" is used by an earlier rule` }];
  });
};

/** A SKU both pinned and excluded: exclude wins, which is probably not what was meant. */
const pinsNotExcluded: ConfigRule = (config) => {
  const excluded = new Set(config.hooks.exclude);
  return config.hooks.include
    .map((sku, i) => ({ sku, i }))
    .filter(({ sku }) => excluded.has(sku))
    .map(({ sku, i }) => ({ path: ['hooks', 'include', i], severity: 'warning' as const, code: 'pin-excluded', value: sku, message: `SKU "${sku}" is in both hooks.include and hooks.exclude: it is excluded` }));
};

const someChannelEnabled: ConfigRule = (config) =>
  enabledChannels(config).length
    ? []
    : [{ path: ['channels'], severity: 'warning' as const, code: 'no-channel', message: 'no channel is configured and enabled: nothing will be listed' }];

/** All rules, in the order their findings are shown. */
const CONFIG_RULES: readonly ConfigRule[] = [
  endpointsSecure,
  simulatorNeedsEndpoints,
  floorsNeedCost,
  marginRulesNeedCost,
  ruleNamesUnique,
  ebayCategoriesMapped,
  pinsNotExcluded,
  someChannelEnabled,
  ...PRODUCT_SAFETY_RULES,
];

export function checkConfigRules(config: Config): RuleFinding[] {
  return CONFIG_RULES.flatMap((rule) => rule(config));
}
