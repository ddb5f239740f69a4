import { ebayEntry, type EbayErrorEntry } from './ebay-errors.js';
import { INV, invalidValueEntry, isMoney } from './ebay-common.js';
import { isLive, listedQuantity, publish, publishProblems, reviseListing, settleStock } from './ebay-listing.js';
import { regulatoryProblems } from './ebay-regulatory.js';
import { firstPath, InventoryItemSchema, OfferDetailsSchema, OfferKeysSchema } from './ebay-schemas.js';
import { EBAY_MARKETPLACES } from './marketplaces.js';
import type { EbayOfferState, SimState } from './state.js';

type Obj = Record<string, unknown>;

/** Outcome of one inventory operation, shared by the single and the bulk endpoints. */
export interface OpResult {
  status: number;
  errors?: EbayErrorEntry[];
  warnings?: EbayErrorEntry[];
  data?: Obj;
}

const fail = (status: number, ...errors: EbayErrorEntry[]): OpResult => ({ status, errors });

export function serializeError(field: string): EbayErrorEntry {
  return ebayEntry(2004, 'ACCESS', 'Invalid request', { reason: `Could not serialize field [${field}]` }, 'REQUEST', 'The request has errors. For help, see the documentation for this API.');
}

export function offersOfSku(state: SimState, sku: string): EbayOfferState[] {
  return [...state.ebay.offers.values()].filter((o) => o.sku === sku);
}

/** createOrReplaceInventoryItem: a full replace; live listings of the SKU are revised. */
export function putItem(state: SimState, sku: string, locale: string, body: unknown): OpResult {
  const parsed = InventoryItemSchema.safeParse(body);
  if (!parsed.success) return fail(400, serializeError(firstPath(parsed.error)));
  const live = offersOfSku(state, sku).filter(isLive);
  for (const o of live) {
    // Revising the listing re-checks its product-safety data, which lives on the offer.
    const problems = regulatoryProblems(o.marketplaceId, o.details.regulatory);
    if (problems.length > 0) return fail(400, ...problems);
    const e = reviseListing(state, o);
    if (e) return fail(400, e);
  }
  const item = structuredClone(parsed.data) as Obj;
  delete item.sku;
  delete item.locale;
  state.ebay.items.set(sku, { sku, locale, item });
  for (const o of live) settleStock(state, o);
  return { status: 204 };
}

/** The replaceable part of an offer body, validated. */
function offerDetails(body: Obj): { details: Obj } | OpResult {
  const parsed = OfferDetailsSchema.safeParse(body);
  if (!parsed.success) return fail(400, serializeError(firstPath(parsed.error)));
  const details = structuredClone(parsed.data) as Obj;
  for (const k of ['sku', 'marketplaceId', 'format', 'offerId', 'status', 'listing']) delete details[k];
  const price = (details.pricingSummary as Obj | undefined)?.price as Obj | undefined;
  if (price && (!isMoney(price.value) || typeof price.currency !== 'string')) return fail(400, invalidValueEntry('pricingSummary.price'));
  return { details };
}

export function createOffer(state: SimState, body: unknown): OpResult {
  const keys = OfferKeysSchema.safeParse(body);
  if (!keys.success) return fail(400, serializeError(firstPath(keys.error)));
  const { sku, marketplaceId, format } = keys.data;
  if (!sku) return fail(400, invalidValueEntry('sku'));
  if (!marketplaceId || !EBAY_MARKETPLACES[marketplaceId]) return fail(400, invalidValueEntry('marketplaceId'));
  if (format !== 'FIXED_PRICE' && format !== 'AUCTION') return fail(400, invalidValueEntry('format'));
  if (!state.ebay.items.has(sku)) return fail(400, ebayEntry(25702, INV, `${sku} could not be found or is not available in the system.`, { sku }));
  const dup = offersOfSku(state, sku).find((o) => o.marketplaceId === marketplaceId && o.format === format);
  if (dup) return fail(400, ebayEntry(25002, INV, 'A user error has occurred. Offer entity already exists.', { offerId: dup.offerId }));
  const d = offerDetails(keys.data as Obj);
  if ('status' in d) return d;
  const offerId = String(9_000_000_000 + state.nextId('ebay-offer'));
  state.ebay.offers.set(offerId, { offerId, sku, marketplaceId, format, details: d.details, status: 'UNPUBLISHED' });
  return { status: 201, data: { offerId } };
}

export function notAvailable(offerId: string, info = 'Offer not found'): EbayErrorEntry {
  return ebayEntry(25713, INV, `This Offer is not available : ${info}.`, { offerId });
}

/** updateOffer: a full replace of the details; on a live offer it revises the listing. */
export function updateOffer(state: SimState, offerId: string, body: unknown): OpResult {
  const offer = state.ebay.offers.get(offerId);
  if (!offer) return fail(404, notAvailable(offerId));
  if (typeof body !== 'object' || body === null) return fail(400, serializeError('body'));
  const d = offerDetails(body as Obj);
  if ('status' in d) return d;
  if (isLive(offer)) {
    const problems = publishProblems(state, { ...offer, details: d.details, status: 'UNPUBLISHED' }).filter((e) => e.errorId !== 25004);
    if (problems.length > 0) return fail(400, ...problems);
    const e = reviseListing(state, offer);
    if (e) return fail(400, e);
  }
  offer.details = d.details;
  settleStock(state, offer);
  return { status: 204 };
}

export function publishOffer(state: SimState, offerId: string): OpResult {
  const offer = state.ebay.offers.get(offerId);
  if (!offer) return fail(404, notAvailable(offerId));
  const problems = publishProblems(state, offer);
  if (problems.length > 0) return fail(400, ...problems);
  if (isLive(offer)) {
    const e = reviseListing(state, offer);
    if (e) return fail(400, e);
  }
  const r = publish(state, offer);
  return { status: 200, data: { listingId: r.listingId }, warnings: r.warnings };
}

export function withdrawOffer(state: SimState, offerId: string): OpResult {
  const offer = state.ebay.offers.get(offerId);
  if (!offer) return fail(404, notAvailable(offerId));
  if (offer.status !== 'PUBLISHED' || !offer.listing) return fail(400, notAvailable(offerId, 'the offer is not published'));
  offer.status = 'UNPUBLISHED';
  offer.listing.listingStatus = 'ENDED';
  return { status: 200, data: { listingId: offer.listing.listingId }, warnings: [] };
}

/** EbayOfferDetailsWithAll as getOffer/getOffers return it. */
export function offerView(state: SimState, o: EbayOfferState): Obj {
  const view: Obj = { offerId: o.offerId, sku: o.sku, marketplaceId: o.marketplaceId, format: o.format, ...structuredClone(o.details) };
  view.availableQuantity = typeof o.details.availableQuantity === 'number' ? o.details.availableQuantity : listedQuantity(state, o);
  view.status = o.status;
  if (o.listing) view.listing = { ...o.listing };
  return view;
}

/** One bulkUpdatePriceQuantity entry: stock via shipToLocationAvailability, offers' price/quantity. */
export function priceQuantity(state: SimState, req: Obj): OpResult[] {
  const sku = typeof req.sku === 'string' ? req.sku : '';
  const item = state.ebay.items.get(sku);
  const offers = Array.isArray(req.offers) ? (req.offers as Obj[]) : [];
  const ship = req.shipToLocationAvailability as Obj | undefined;
  const targets = offers.map((o) => ({ spec: o, offer: state.ebay.offers.get(String(o.offerId ?? '')) }));
  const perOffer = (status: number, errors?: EbayErrorEntry[], offerId?: string): OpResult => {
    const r: OpResult = { status, data: offerId ? { sku, offerId } : { sku } };
    if (errors) r.errors = errors;
    return r;
  };
  if (!item) return [perOffer(400, [ebayEntry(25702, INV, `${sku} could not be found or is not available in the system.`, { sku })])];
  const bad = targets.find((t) => !t.offer || t.offer.sku !== sku);
  if (bad) return [perOffer(400, [notAvailable(String(bad.spec.offerId ?? ''))], String(bad.spec.offerId ?? ''))];
  if (ship && (typeof ship.quantity !== 'number' || !Number.isInteger(ship.quantity) || ship.quantity < 0)) {
    return [perOffer(400, [invalidValueEntry('shipToLocationAvailability.quantity')])];
  }
  for (const t of targets) {
    const price = t.spec.price as Obj | undefined;
    if (price && (!isMoney(price.value) || price.currency !== EBAY_MARKETPLACES[t.offer?.marketplaceId ?? '']?.currency)) {
      return [perOffer(400, [invalidValueEntry('price')], t.offer?.offerId)];
    }
    const aq = t.spec.availableQuantity;
    if (aq !== undefined && (typeof aq !== 'number' || !Number.isInteger(aq) || aq < 0)) return [perOffer(400, [invalidValueEntry('availableQuantity')], t.offer?.offerId)];
  }
  const live = offersOfSku(state, sku).filter(isLive);
  for (const o of live) {
    const e = reviseListing(state, o);
    if (e) return [perOffer(400, [e], o.offerId)];
  }
  if (ship) {
    const availability = { ...((item.item.availability as Obj | undefined) ?? {}), shipToLocationAvailability: { quantity: ship.quantity } };
    item.item = { ...item.item, availability };
  }
  for (const t of targets) {
    const o = t.offer as EbayOfferState;
    if (t.spec.price) o.details.pricingSummary = { ...((o.details.pricingSummary as Obj | undefined) ?? {}), price: t.spec.price };
    if (t.spec.availableQuantity !== undefined) o.details.availableQuantity = t.spec.availableQuantity;
  }
  for (const o of offersOfSku(state, sku)) settleStock(state, o);
  return targets.length > 0 ? targets.map((t) => perOffer(200, undefined, t.offer?.offerId)) : [perOffer(200)];
}
