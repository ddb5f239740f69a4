import { throwIfFatal } from './channel-error.js';
import type { EbayConfig } from '../../config/schema.js';
import type { Offer } from '../../domain/offer.js';
import type { Problem } from '../../domain/problem.js';
import { getOptedInPrograms, getPolicies, getPrivileges } from './account-api.js';
import type { EbayApiContext } from './api-context.js';
import { checkOffers } from './check-offers.js';
import { ensureLocation } from './ensure-location.js';
import { getInventoryLocation } from './inventory-api.js';
import { issuesFromError } from './issues.js';

/** What the setup check found, besides its problems: facts the adapter remembers for the run. */
export interface EbaySetupReport {
  problems: Problem[];
  /** OUT_OF_STOCK_CONTROL: a listing survives quantity 0 (push 0) instead of being withdrawn. */
  outOfStockControl?: boolean;
  /** Created from channels.ebay.location during this check. */
  locationCreated: boolean;
}

const KEY = 'channels.ebay';

/** How far the check may go. */
export interface SetupCheckOptions {
  /** false: only report a missing inventory location (for read-only commands such as `validate`). Default true. */
  createLocation?: boolean;
}

/**
 * The one-time seller setup (reference §3–§4): programs, seller registration, the business
 * policies named in the config, the inventory location (created from `location` when missing),
 * and, when offers are given, each hook's category and required aspects.
 */
export async function setupCheck(
  api: EbayApiContext,
  config: EbayConfig,
  offers: readonly Offer[] = [],
  options: SetupCheckOptions = {},
): Promise<EbaySetupReport> {
  const problems: Problem[] = [];
  const report: EbaySetupReport = { problems, locationCreated: false };
  await guard(problems, 'programs', async () => {
    const programs = await getOptedInPrograms(api);
    report.outOfStockControl = programs.includes('OUT_OF_STOCK_CONTROL');
    if (!programs.includes('SELLING_POLICY_MANAGEMENT')) {
      problems.push(error('ebay-business-policies-off', 'the eBay account is not opted in to business policies (SELLING_POLICY_MANAGEMENT)', KEY,
        'turn on business policies in Seller Hub (Account → Business policies); eBay can take up to a day to process it'));
    }
    const privileges = await getPrivileges(api);
    if (privileges.sellerRegistrationCompleted === false) {
      problems.push(error('ebay-seller-registration', 'the eBay seller registration is not complete: eBay refuses to publish', KEY, 'finish the seller registration on eBay'));
    }
  });
  // Policy reads fail ("not eligible for Business Policy") until the program is on (reference §9).
  const policiesReadable = !problems.some((p) => p.code === 'ebay-business-policies-off');
  for (const kind of policiesReadable ? (['fulfillment', 'payment', 'return'] as const) : []) {
    await guard(problems, `${kind} policies`, async () => {
      const wanted = config.policies[kind];
      const policies = await getPolicies(api, kind);
      if (policies.some((p) => p.id === wanted)) return;
      const byName = policies.find((p) => p.name === wanted);
      const known = policies.map((p) => `${p.id} (${p.name ?? 'no name'})`).join(', ') || 'none';
      problems.push({
        ...error('ebay-policy-missing', `the ${kind} policy ${wanted} does not exist on ${api.marketplaceId}`, `${KEY}.policies.${kind}`,
          byName ? `the policy id ${byName.id} (that name's id)` : `one of the ${kind} policy ids of ${api.marketplaceId}: ${known}`),
        value: wanted,
      });
    });
  }
  await guard(problems, 'inventory location', async () => {
    if (options.createLocation === false) {
      if (await getInventoryLocation(api, config.merchantLocationKey)) return;
      problems.push({
        ...error('ebay-location-missing', `the inventory location "${config.merchantLocationKey}" does not exist yet`, `${KEY}.location`,
          config.location ? 'nothing: the next sync creates it from channels.ebay.location' : 'the shop address under channels.ebay.location, so civetta can create it'),
        severity: config.location ? 'warning' : 'error',
      });
      return;
    }
    const state = await ensureLocation(api, config);
    report.locationCreated = state === 'created';
    if (state === 'missing') {
      problems.push(error('ebay-location-missing', `the inventory location "${config.merchantLocationKey}" does not exist`, `${KEY}.location`,
        'the shop address under channels.ebay.location, so civetta can create it'));
    }
  });
  if (offers.length) await guard(problems, 'categories', async () => problems.push(...(await checkOffers(api, config, offers))));
  return report;
}

function error(code: string, message: string, key: string, expected: string): Problem {
  return { severity: 'error', code, message: `ebay: ${message}`, key, expected };
}

/** One check's failure is a problem of its own; the other checks still run. */
async function guard(problems: Problem[], what: string, check: () => Promise<unknown>): Promise<void> {
  try {
    await check();
  } catch (e) {
    throwIfFatal(e);
    const issues = issuesFromError(e);
    problems.push({
      severity: 'error',
      code: 'ebay-check-failed',
      message: `ebay: could not check the ${what}: ${issues.map((i) => `${i.code} ${i.message}${i.explanation ? ` — ${i.explanation}` : ''}`).join('; ')}`,
      key: KEY,
    });
  }
}
