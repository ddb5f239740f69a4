// The simulator as the sync tests use it: its Amazon catalogue knows the fixture shop's EANs
// with the shop's own titles and brands, so catalogue matching succeeds as it would for real.
import { autoAsin, startSimulator, type CatalogEntry, type Simulator, type SimulatorOptions } from '../../src/simulator/index.js';
import { fixtureRows } from './shop.js';

const SHOP_LOCATION = {
  merchantLocationKey: 'negozio',
  name: 'Giocattoli Rossi',
  location: { address: { addressLine1: 'Via Roma 1', city: 'Torino', postalCode: '10121', country: 'IT' } },
};

/** The fixture shop's products as Amazon's catalogue knows them (ASIN derived from the EAN). */
export function shopCatalog(): CatalogEntry[] {
  return fixtureRows()
    .filter((r) => /^\d{13}$/.test(r.EAN ?? ''))
    .map((r) => ({ ean: r.EAN!, asin: autoAsin(r.EAN!), title: r.Descrizione ?? '', brand: r.Marca ?? '', productType: 'TOY' }));
}

export async function startShopSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const catalog = shopCatalog();
  return startSimulator({
    ...options,
    amazon: { catalog, ...options.amazon },
    // The shop's inventory location, as it would exist on a real seller account.
    ebay: { locations: [SHOP_LOCATION], ...options.ebay },
  });
}

/** What a buyer would see, per channel and SKU, sorted: for comparing end states of runs. */
export interface RemoteState {
  amazon: Array<{ sku: string; price?: number; quantity: number; status: string }>;
  ebay: Array<{ sku: string; offers: number; price?: string; quantity: number; status: string }>;
}

export function remoteState(sim: Simulator): RemoteState {
  const amazon = sim.amazon
    .listings()
    .map((l) => ({ sku: l.sku, ...(l.price ? { price: l.price.amount } : {}), quantity: l.quantity, status: l.status.join('+') }))
    .sort((a, b) => a.sku.localeCompare(b.sku));
  const offers = sim.ebay.offers() as Array<{ sku: string }>;
  const skus = [...new Set(offers.map((o) => o.sku))].sort();
  const ebay = skus.map((sku) => {
    const l = sim.ebay.listingFor(sku);
    return {
      sku,
      offers: offers.filter((o) => o.sku === sku).length,
      ...(l?.price ? { price: l.price.value } : {}),
      quantity: l?.quantity ?? 0,
      status: l ? `${l.offerStatus}/${l.listingStatus}` : 'UNPUBLISHED',
    };
  });
  return { amazon, ebay };
}

/** SKUs a buyer can find per channel. */
export function liveSkus(sim: Simulator): { amazon: string[]; ebay: string[] } {
  const state = remoteState(sim);
  return {
    amazon: state.amazon.filter((l) => l.status.includes('BUYABLE')).map((l) => l.sku),
    ebay: state.ebay.filter((l) => l.status === 'PUBLISHED/ACTIVE' || l.status === 'PUBLISHED/OUT_OF_STOCK').map((l) => l.sku),
  };
}
