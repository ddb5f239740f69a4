import type { Order } from '../../domain/order.js';
import { ChannelAuthError } from '../../errors.js';
import { HttpError } from '../../http/http-error.js';
import type { Logger } from '../../log.js';
import type { AmazonApi } from './api-context.js';
import { mapOrder } from './order-mapping.js';
import { ORDER_DATASETS, PERSONAL_DATASETS, searchOrdersPage, type OrderDataset } from './orders-api.js';

/**
 * The channel's `pullOrders`: searchOrders pages from `since`, mapped to domain orders. An app
 * without the restricted roles is refused (403) the BUYER and RECIPIENT datasets; the page is
 * asked again without them and, when that works, the reader pulls without them from then on and
 * warns once: orders come without name and address (`status` lists the ones to ship). A refusal
 * without them too is the credentials' (exit 5).
 */
export function orderReader(api: AmazonApi, log: Logger, fallback: { marketplaceId: string; currency: string }): (since: Date) => AsyncIterable<Order[]> {
  let datasets: readonly OrderDataset[] = ORDER_DATASETS;

  async function page(lastUpdatedAfter: string, token: string | undefined) {
    try {
      return await searchOrdersPage(api, lastUpdatedAfter, token, datasets);
    } catch (error) {
      const refused = error instanceof ChannelAuthError || (error instanceof HttpError && error.status === 403);
      if (!refused || !datasets.some((d) => PERSONAL_DATASETS.has(d))) throw error;
      const without = datasets.filter((d) => !PERSONAL_DATASETS.has(d));
      const answer = await searchOrdersPage(api, lastUpdatedAfter, token, without);
      datasets = without;
      log.warn(
        'amazon: Amazon refused buyer and recipient data to this app (403 on includedData=BUYER,RECIPIENT), so orders are pulled without ' +
          "the buyer's name and delivery address. To ship from civetta's data, add the Direct-to-Consumer Shipping (Restricted) role to the app " +
          'in Developer Central, then authorise it again; until then `civetta status` lists the orders to ship that have no address.',
      );
      return answer;
    }
  }

  return async function* pullOrders(since: Date): AsyncIterable<Order[]> {
    const lastUpdatedAfter = since.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const answer = await page(lastUpdatedAfter, token);
      yield answer.orders.map((o) => mapOrder(o, fallback));
      token = answer.pagination?.nextToken;
      if (token && seen.has(token)) throw new Error(`amazon: searchOrders returned the same page token twice (${token.slice(0, 12)}…)`);
      if (token) seen.add(token);
    } while (token);
  };
}
