import { z } from 'zod';
import { Amount, EbayErrorDetail } from './schemas.js';

/**
 * Fulfillment API answers civetta reads (sell_fulfillment_v1_oas3.json; OrderFulfillmentStatus,
 * OrderPaymentStatusEnum, CancelStateEnum from portal/fulfillment-api.json).
 */
const Address = z.looseObject({
  addressLine1: z.string().optional(),
  addressLine2: z.string().optional(),
  city: z.string().optional(),
  stateOrProvince: z.string().optional(),
  postalCode: z.string().optional(),
  countryCode: z.string().optional(),
});

const Contact = z.looseObject({
  fullName: z.string().optional(),
  email: z.string().optional(),
  contactAddress: Address.optional(),
});

const WireLineItem = z.looseObject({
  lineItemId: z.string(),
  sku: z.string().optional(),
  legacyItemId: z.string().optional(),
  title: z.string().optional(),
  quantity: z.number().int(),
  lineItemCost: Amount.optional(),
  total: Amount.optional(),
  lineItemFulfillmentStatus: z.string().optional(),
  lineItemFulfillmentInstructions: z.looseObject({ shipByDate: z.string().optional() }).optional(),
  refunds: z.array(z.looseObject({ amount: Amount.optional() })).optional(),
});

export const WireOrder = z.looseObject({
  orderId: z.string(),
  creationDate: z.string(),
  lastModifiedDate: z.string(),
  orderFulfillmentStatus: z.string(),
  orderPaymentStatus: z.string().optional(),
  cancelStatus: z.looseObject({ cancelState: z.string().optional() }).optional(),
  pricingSummary: z
    .looseObject({
      priceSubtotal: Amount.optional(),
      deliveryCost: Amount.optional(),
      tax: Amount.optional(),
      total: Amount.optional(),
    })
    .optional(),
  totalMarketplaceFee: Amount.optional(),
  buyer: z.looseObject({ username: z.string().optional(), buyerRegistrationAddress: Contact.optional() }).optional(),
  fulfillmentStartInstructions: z
    .array(z.looseObject({ shippingStep: z.looseObject({ shipTo: Contact.optional() }).optional() }))
    .optional(),
  lineItems: z.array(WireLineItem).default([]),
});
export type WireOrder = z.infer<typeof WireOrder>;

/** getOrders → `OrderSearchPagedCollection`. */
export const OrdersPage = z.looseObject({
  orders: z.array(WireOrder).default([]),
  total: z.number().int().optional(),
  offset: z.number().int().optional(),
  limit: z.number().int().optional(),
  next: z.string().optional(),
  warnings: z.array(EbayErrorDetail).optional(),
});

/** getShippingFulfillments → `ShippingFulfillmentPagedCollection`. */
export const FulfillmentsAnswer = z.looseObject({
  fulfillments: z
    .array(
      z.looseObject({
        fulfillmentId: z.string(),
        shipmentTrackingNumber: z.string().optional(),
        shippingCarrierCode: z.string().optional(),
        lineItems: z.array(z.looseObject({ lineItemId: z.string(), quantity: z.number().int().optional() })).optional(),
      }),
    )
    .default([]),
});
