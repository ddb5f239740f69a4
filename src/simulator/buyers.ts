import { listingAsin, listingPrice, listingQuantity, listingStatus } from './amazon-listing-view.js';
import { catalogByAsin } from './amazon-catalog.js';
import { listedQuantity, offerPrice, settleStock } from './ebay-listing.js';
import { offersOfSku } from './ebay-ops.js';
import { EBAY_MARKETPLACES, AMAZON_MARKETPLACES } from './marketplaces.js';
import { canMove, type OrderBook, type OrderStatus, setStatus, type SimBuyer, type SimOrder } from './orders-store.js';
import { seededRandom } from './random.js';
import type { SimState } from './state.js';

type Obj = Record<string, unknown>;

export interface PlaceOrderInput {
  channel: 'amazon' | 'ebay';
  sku: string;
  /** Default 1. */
  quantity?: number;
  buyer?: Partial<SimBuyer>;
  /**
   * Starting status. Amazon default PENDING (moves to UNSHIPPED after `pendingMs`), eBay default
   * UNSHIPPED (eBay orders appear once paid).
   */
  status?: 'PENDING' | 'UNSHIPPED';
  /** Simulated ms after which a PENDING order becomes UNSHIPPED. Default 10 minutes / timeScale. */
  pendingMs?: number;
}

export interface GenerateInput {
  channel: 'amazon' | 'ebay';
  count: number;
  seed?: number;
  /** Share 0..1 of generated orders that get cancelled (scheduled after `pendingMs`). Default 0. */
  cancelShare?: number;
  /** Restrict to these SKUs. */
  skus?: string[];
}

const FIRST = ['Giulia', 'Marco', 'Sofia', 'Luca', 'Chiara', 'Matteo', 'Elena', 'Davide', 'Sara', 'Paolo', 'Anna', 'Franco'];
const LAST = ['Rossi', 'Bianchi', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo'];
const CITIES: Array<[string, string, string]> = [['Milano', '20121', 'MI'], ['Roma', '00184', 'RM'], ['Torino', '10121', 'TO'], ['Napoli', '80133', 'NA'], ['Firenze', '50122', 'FI'], ['Bologna', '40121', 'BO']];

function makeBuyer(rnd: () => number, n: number, given?: Partial<SimBuyer>): SimBuyer {
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const first = pick(FIRST);
  const last = pick(LAST);
  const [city, postalCode, province] = pick(CITIES);
  return {
    name: `${first} ${last}`,
    email: `${first.toLowerCase()}.${last.toLowerCase()}${n}@marketplace.example`,
    username: `${first.toLowerCase()}_${last.toLowerCase()}${n}`,
    address: { line1: `Via Garibaldi ${1 + Math.floor(rnd() * 120)}`, city, postalCode, province, countryCode: 'IT', phone: `+39 3${Math.floor(100000000 + rnd() * 899999999)}` },
    ...given,
  };
}

const digits = (rnd: () => number, n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

/** Simulated shoppers: they buy from live offers, lowering listed stock as the marketplaces do. */
export class Buyers {
  private readonly state: SimState;
  private readonly book: OrderBook;
  private readonly rnd: () => number;

  constructor(state: SimState, book: OrderBook) {
    this.state = state;
    this.book = book;
    this.rnd = state.random;
  }

  /** Buys `quantity` of a listed SKU; throws when it is not listed or not enough is available. */
  placeOrder(input: PlaceOrderInput, rnd: () => number = this.rnd): SimOrder {
    const qty = input.quantity ?? 1;
    if (!Number.isInteger(qty) || qty < 1) throw new Error(`placeOrder: quantity must be a positive integer, got ${qty}`);
    const now = this.state.clock.nowMs();
    const n = this.state.nextId(`order-${input.channel}`);
    const buyer = makeBuyer(rnd, n, input.buyer);
    const base = { createdMs: now, updatedMs: now, shippingMinor: 0, buyer, shipByMs: now + 2 * 86_400_000, shipments: [], schedule: [] as SimOrder['schedule'] };
    let order: SimOrder;
    if (input.channel === 'amazon') {
      const l = this.state.amazon.listings.get(input.sku);
      const mp = l?.marketplaceIds[0] ?? '';
      if (!l || !listingStatus(this.state, l, mp).includes('BUYABLE')) throw new Error(`placeOrder: Amazon SKU ${input.sku} is not buyable`);
      const stock = listingQuantity(l);
      if (stock < qty) throw new Error(`placeOrder: Amazon SKU ${input.sku} has ${stock} available, ${qty} asked`);
      const price = listingPrice(l, mp);
      const asin = listingAsin(this.state, l, mp) ?? '';
      const fa = (l.attributes.fulfillment_availability as Obj[]).map((f) => (f.fulfillment_channel_code === 'DEFAULT' ? { ...f, quantity: stock - qty } : f));
      l.attributes = { ...l.attributes, fulfillment_availability: fa };
      l.updatedMs = now;
      const title = catalogByAsin(this.state, asin)?.title ?? input.sku;
      order = {
        ...base, channel: 'amazon', orderId: `40${digits(rnd, 1)}-${digits(rnd, 7)}-${digits(rnd, 7)}`, marketplaceId: mp,
        currency: price?.currency ?? AMAZON_MARKETPLACES[mp]?.currency ?? 'EUR', status: input.status ?? 'PENDING',
        lines: [{ lineId: digits(rnd, 14), sku: input.sku, title, asin, quantity: qty, unitMinor: Math.round((price?.amount ?? 0) * 100), shippedQuantity: 0 }],
      };
    } else {
      const offer = offersOfSku(this.state, input.sku).find((o) => o.status === 'PUBLISHED' && o.listing && o.listing.listingStatus === 'ACTIVE');
      if (!offer?.listing) throw new Error(`placeOrder: eBay SKU ${input.sku} has no active listing`);
      const stock = listedQuantity(this.state, offer);
      if (stock < qty) throw new Error(`placeOrder: eBay SKU ${input.sku} has ${stock} available, ${qty} asked`);
      const item = this.state.ebay.items.get(input.sku);
      if (item) {
        const ship = ((item.item.availability as Obj | undefined)?.shipToLocationAvailability ?? {}) as Obj;
        const q = typeof ship.quantity === 'number' ? ship.quantity : 0;
        item.item = { ...item.item, availability: { ...(item.item.availability as Obj), shipToLocationAvailability: { ...ship, quantity: q - qty } } };
      }
      if (typeof offer.details.availableQuantity === 'number') offer.details.availableQuantity -= qty;
      const listingId = offer.listing.listingId;
      offer.listing.soldQuantity += qty;
      settleStock(this.state, offer);
      const price = offerPrice(offer);
      const title = String(((item?.item.product as Obj | undefined)?.title as string | undefined) ?? input.sku);
      order = {
        ...base, channel: 'ebay', orderId: `${digits(rnd, 2)}-${digits(rnd, 5)}-${digits(rnd, 5)}`, marketplaceId: offer.marketplaceId,
        currency: price?.currency ?? EBAY_MARKETPLACES[offer.marketplaceId]?.currency ?? 'EUR', status: input.status ?? 'UNSHIPPED',
        lines: [{ lineId: `1${digits(rnd, 13)}`, sku: input.sku, title, listingId, quantity: qty, unitMinor: Math.round(Number(price?.value ?? '0') * 100), shippedQuantity: 0 }],
      };
    }
    if (order.status === 'PENDING') order.schedule.push({ atMs: now + (input.pendingMs ?? 600_000 / this.state.timeScale), status: 'UNSHIPPED' });
    this.book.add(order);
    return order;
  }

  /** Places up to `count` orders on random in-stock listings (deterministic for a seed). */
  generate(input: GenerateInput): SimOrder[] {
    const rnd = seededRandom(input.seed ?? 1);
    const out: SimOrder[] = [];
    for (let i = 0; i < input.count; i++) {
      const candidates = this.buyable(input.channel).filter((s) => !input.skus || input.skus.includes(s));
      if (candidates.length === 0) break;
      const sku = candidates[Math.floor(rnd() * candidates.length)] as string;
      const o = this.placeOrder({ channel: input.channel, sku }, rnd);
      if (input.cancelShare && rnd() < input.cancelShare) {
        o.schedule.push({ atMs: this.state.clock.nowMs() + 1_200_000 / this.state.timeScale, status: 'CANCELLED' });
      }
      out.push(o);
    }
    return out;
  }

  /** SKUs a buyer could purchase now. */
  buyable(channel: 'amazon' | 'ebay'): string[] {
    if (channel === 'amazon') {
      return [...this.state.amazon.listings.values()]
        .filter((l) => listingStatus(this.state, l, l.marketplaceIds[0] ?? '').includes('BUYABLE'))
        .map((l) => l.sku).sort();
    }
    return [...this.state.ebay.offers.values()]
      .filter((o) => o.status === 'PUBLISHED' && o.listing?.listingStatus === 'ACTIVE' && listedQuantity(this.state, o) > 0)
      .map((o) => o.sku).sort();
  }

  /** Moves an order (PENDING → UNSHIPPED → SHIPPED, or → CANCELLED); throws on an impossible move. */
  advance(orderId: string, status: OrderStatus): SimOrder {
    const o = this.book.get('amazon', orderId) ?? this.book.get('ebay', orderId);
    if (!o) throw new Error(`advance: unknown order ${orderId}`);
    if (!canMove(o.status, status)) throw new Error(`advance: ${orderId} cannot move from ${o.status} to ${status}`);
    setStatus(o, status, this.state.clock.nowMs());
    return o;
  }
}
