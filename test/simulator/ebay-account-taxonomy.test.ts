import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { eb, ebayAccess, ebayToken } from './helpers.js';

let sim: Simulator;
let api: ReturnType<typeof eb>;

beforeAll(async () => {
  sim = await startSimulator({ rateLimiting: false });
  api = eb(sim, await ebayAccess(sim), null);
});
afterAll(async () => sim.close());

describe('Account API', () => {
  it('lists the default EBAY_IT policies', async () => {
    const f = await api('GET', '/sell/account/v1/fulfillment_policy?marketplace_id=EBAY_IT');
    expect(f.status).toBe(200);
    expect(f.body.total).toBe(1);
    expect(f.body.fulfillmentPolicies[0]).toMatchObject({ fulfillmentPolicyId: '6200000001', marketplaceId: 'EBAY_IT' });
    expect((await api('GET', '/sell/account/v1/payment_policy?marketplace_id=EBAY_IT')).body.paymentPolicies[0].paymentPolicyId).toBe('6200000002');
    expect((await api('GET', '/sell/account/v1/return_policy?marketplace_id=EBAY_IT')).body.returnPolicies[0]).toMatchObject({ returnPolicyId: '6200000003', returnPeriod: { value: 30, unit: 'DAY' } });
    expect((await api('GET', '/sell/account/v1/fulfillment_policy?marketplace_id=EBAY_DE')).body.total).toBe(0);
  });

  it('needs marketplace_id (20401) and the business-policy opt-in (20403)', async () => {
    expect((await api('GET', '/sell/account/v1/fulfillment_policy')).body.errors[0].errorId).toBe(20401);
    sim.ebay.optOut('SELLING_POLICY_MANAGEMENT');
    const r = await api('GET', '/sell/account/v1/fulfillment_policy?marketplace_id=EBAY_IT');
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ errorId: 20403, longMessage: 'User is not eligible for Business Policy.' });
    sim.ebay.optIn('SELLING_POLICY_MANAGEMENT');
  });

  it('reports opted-in programs, opts in, and reports privileges', async () => {
    expect((await api('GET', '/sell/account/v1/program/get_opted_in_programs')).body).toEqual({ programs: [{ programType: 'SELLING_POLICY_MANAGEMENT' }] });
    expect((await api('POST', '/sell/account/v1/program/opt_in', { programType: 'OUT_OF_STOCK_CONTROL' })).status).toBe(200);
    expect((await api('POST', '/sell/account/v1/program/opt_in', { programType: 'OUT_OF_STOCK_CONTROL' })).status).toBe(409);
    expect((await api('GET', '/sell/account/v1/program/get_opted_in_programs')).body.programs).toHaveLength(2);
    expect((await api('GET', '/sell/account/v1/privilege')).body).toMatchObject({ sellerRegistrationCompleted: true });
  });
});

describe('Taxonomy API', () => {
  it('works with an application token', async () => {
    const app = await ebayToken(sim, { form: { grant_type: 'client_credentials', scope: 'https://api.ebay.com/oauth/api_scope' } });
    const t = eb(sim, app.body.access_token, null);
    expect((await t('GET', '/commerce/taxonomy/v1/get_default_category_tree_id?marketplace_id=EBAY_IT')).body).toEqual({ categoryTreeId: '101', categoryTreeVersion: '131' });
    expect((await t('GET', '/sell/inventory/v1/inventory_item/X')).status).toBe(403);
  });

  it('suggests leaf categories with ancestors, best first; 204 when nothing fits', async () => {
    const r = await api('GET', '/commerce/taxonomy/v1/category_tree/101/get_category_suggestions?q=LEGO%20set%20polizia');
    expect(r.status).toBe(200);
    expect(r.body.categorySuggestions[0]).toMatchObject({
      category: { categoryId: '183446', categoryName: 'Set completi LEGO' },
      categoryTreeNodeAncestors: [{ categoryId: '19006', categoryTreeNodeLevel: 2 }, { categoryId: '220', categoryTreeNodeLevel: 1 }],
    });
    expect((await api('GET', '/commerce/taxonomy/v1/category_tree/101/get_category_suggestions?q=zzzz')).status).toBe(204);
    expect((await api('GET', '/commerce/taxonomy/v1/category_tree/101/get_category_suggestions')).body.errors[0].errorId).toBe(62007);
    expect((await api('GET', '/commerce/taxonomy/v1/category_tree/555/get_category_suggestions?q=lego')).body.errors[0].errorId).toBe(62004);
  });

  it('returns localized aspects; required shows aspectRequired with aspectUsage RECOMMENDED; non-leaf is 62009', async () => {
    const it = await api('GET', '/commerce/taxonomy/v1/category_tree/101/get_item_aspects_for_category?category_id=183446');
    expect(it.body.aspects[0]).toMatchObject({ localizedAspectName: 'Marca', aspectConstraint: { aspectRequired: true, aspectUsage: 'RECOMMENDED', aspectMode: 'FREE_TEXT' } });
    const gb = await api('GET', '/commerce/taxonomy/v1/category_tree/3/get_item_aspects_for_category?category_id=183446');
    expect(gb.body.aspects[0].localizedAspectName).toBe('Brand');
    expect((await api('GET', '/commerce/taxonomy/v1/category_tree/101/get_item_aspects_for_category?category_id=19006')).body.errors[0].errorId).toBe(62009);
    expect((await api('GET', '/commerce/taxonomy/v1/category_tree/101/get_item_aspects_for_category?category_id=424242')).body.errors[0].errorId).toBe(62005);
    expect((await api('GET', '/commerce/taxonomy/v1/category_tree/101/get_item_aspects_for_category')).body.errors[0].errorId).toBe(62006);
  });

  const requiredAspects = async (id: string) => {
    const r = await api('GET', `/commerce/taxonomy/v1/category_tree/101/get_item_aspects_for_category?category_id=${id}`);
    expect(r.status, id).toBe(200);
    return (r.body.aspects as Array<{ localizedAspectName: string; aspectConstraint: { aspectRequired: boolean } }>).filter((a) => a.aspectConstraint.aspectRequired).map((a) => a.localizedAspectName);
  };

  it('knows the common ids of video games, consoles and phones, with their required aspects', async () => {
    expect(await requiredAspects('139973')).toEqual(['Piattaforma', 'Titolo del gioco']);
    expect(await requiredAspects('139971')).toEqual(['Marca', 'Piattaforma', 'Modello']);
    expect(await requiredAspects('9355')).toEqual(['Marca', 'Modello']);
    expect((await api('GET', '/commerce/taxonomy/v1/category_tree/101/get_item_aspects_for_category?category_id=1249')).body.errors[0].errorId).toBe(62009);
  });

  it('knows small appliances: leaves resolve with Brand and Model required, the Small Kitchen Appliances parent is not a leaf', async () => {
    expect(await requiredAspects('150138')).toEqual(['Marca', 'Modello']);
    expect(await requiredAspects('20614')).toEqual(['Marca', 'Modello']);
    expect(await requiredAspects('159903')).toEqual(['Marca']);
    expect((await api('GET', '/commerce/taxonomy/v1/category_tree/101/get_item_aspects_for_category?category_id=20667')).body.errors[0].errorId).toBe(62009);
    const suggested = await api('GET', '/commerce/taxonomy/v1/category_tree/101/get_category_suggestions?q=forno%20microonde');
    expect(suggested.body.categorySuggestions[0].category.categoryId).toBe('150138');
  });
});
