/**
 * The sellers (distributors) offers come from. Digi-Key's record is the one in the Knowledge
 * Graph OpenAPI example; the others are modelled on it with their own ids, aliases, currency
 * and shipping terms. Ids are 24 hex digits like Cofactr's.
 */
import type { CatalogueSeller } from "./types";

export interface SellerProfile {
  seller: CatalogueSeller;
  /** Price-list currency and its rate to USD (converted_price = price * rate). */
  currency: string;
  usdRate: number;
  shipsFrom: string;
  authorized: boolean;
  /** Relative price level versus list price. */
  priceFactor: number;
  /** Chance that this seller carries a given in-production part. */
  coverage: number;
}

const standardUsShipping = { "UPS 1 day": 1, "UPS 2 day": 2, "UPS 3 day": 3, "UPS ground": 5 };

function seller(fields: Partial<CatalogueSeller> & Pick<CatalogueSeller, "id" | "label">) {
  const base: CatalogueSeller = {
    id: fields.id,
    deprecated_ids: [],
    label: fields.label,
    aliases: [],
    additional_fee: null,
    additional_markup: null,
    authenticity_score: 1,
    availability_score: 0.9,
    certifications: [],
    is_buyable: true,
    lead: 3,
    free_ship: { threshold: null, shipping_lead: null },
    shipping_options: [],
    best_case_lead: 1,
    overlap: false,
    convenience_return_window: 30,
    scheduled_release_period: 12,
    is_api_ordering_supported: false,
    is_api_order_status_supported: false,
    us_shipping_methods: standardUsShipping,
    international_shipping_methods: {},
    custom_reel_price: 0,
  };
  return { ...base, ...fields };
}

/** Digi-Key's seller id, as in the OpenAPI examples. */
export const DIGIKEY_SELLER_ID = "622fb450e4c292d8287b0af5";

export const SELLER_PROFILES: Record<string, SellerProfile> = {
  digikey: {
    seller: seller({
      id: DIGIKEY_SELLER_ID,
      deprecated_ids: [
        "62d4bcc6412443e55717f293",
        "62d4bcc6412443e55717f291",
        "62d4bcc6412443e55717f28f",
      ],
      label: "Digi-Key",
      aliases: [
        "Digi-Key Kit",
        "Digi-Key Corporation",
        "DIGI-KEY EVALUATION BOARDS",
        "Digikey",
        "Digi-Key Electronics",
      ],
      certifications: ["AS9120", "CFR21"],
      lead: 3,
      free_ship: { threshold: 250, shipping_lead: 2 },
      shipping_options: [
        { price: 29.99, shipping_lead: 1 },
        { price: 13.99, shipping_lead: 2 },
        { price: 0, shipping_lead: 5 },
      ],
      is_api_ordering_supported: true,
      is_api_order_status_supported: true,
      international_shipping_methods: { "DHL worldwide Express": 3, "UPS worldwide saver": 4 },
    }),
    currency: "USD",
    usdRate: 1,
    shipsFrom: "US",
    authorized: true,
    priceFactor: 1,
    coverage: 0.85,
  },
  mouser: {
    seller: seller({
      id: "622fb450e4c292d8287b0b13",
      deprecated_ids: ["62d4bcc6412443e55717f2a1"],
      label: "Mouser",
      aliases: ["Mouser Electronics", "Mouser Electronics Inc", "MOUSER ELECTRONICS, INC."],
      certifications: ["AS9120", "ISO 9001"],
      lead: 3,
      free_ship: { threshold: 50, shipping_lead: 3 },
      shipping_options: [
        { price: 24.99, shipping_lead: 1 },
        { price: 7.99, shipping_lead: 3 },
      ],
      is_api_ordering_supported: true,
      is_api_order_status_supported: true,
      international_shipping_methods: { "FedEx International Priority": 3 },
    }),
    currency: "USD",
    usdRate: 1,
    shipsFrom: "US",
    authorized: true,
    priceFactor: 1.02,
    coverage: 0.8,
  },
  arrow: {
    seller: seller({
      id: "622fb450e4c292d8287b0b2c",
      label: "Arrow",
      aliases: ["Arrow Electronics", "Arrow.com", "Arrow Electronics, Inc."],
      certifications: ["AS9120"],
      lead: 4,
      best_case_lead: 2,
      free_ship: { threshold: 0, shipping_lead: 4 },
      shipping_options: [{ price: 0, shipping_lead: 4 }],
      is_api_ordering_supported: true,
      international_shipping_methods: { "UPS worldwide saver": 5 },
    }),
    currency: "USD",
    usdRate: 1,
    shipsFrom: "US",
    authorized: true,
    priceFactor: 0.93,
    coverage: 0.5,
  },
  newark: {
    seller: seller({
      id: "622fb450e4c292d8287b0b41",
      label: "Newark",
      aliases: ["Newark Electronics", "Newark element14", "Newark / Farnell"],
      certifications: ["ISO 9001"],
      lead: 4,
      best_case_lead: 1,
      free_ship: { threshold: 150, shipping_lead: 3 },
      shipping_options: [
        { price: 19.99, shipping_lead: 1 },
        { price: 0, shipping_lead: 5 },
      ],
    }),
    currency: "USD",
    usdRate: 1,
    shipsFrom: "US",
    authorized: true,
    priceFactor: 1.06,
    coverage: 0.45,
  },
  lcsc: {
    seller: seller({
      id: "622fb450e4c292d8287b0b5f",
      label: "LCSC",
      aliases: ["LCSC Electronics", "szlcsc", "LCSC.COM"],
      authenticity_score: 0.8,
      availability_score: 0.8,
      lead: 6,
      best_case_lead: 3,
      free_ship: { threshold: null, shipping_lead: null },
      shipping_options: [
        { price: 20, shipping_lead: 4 },
        { price: 8, shipping_lead: 10 },
      ],
      us_shipping_methods: { "DHL Express": 4, "Standard Direct Line": 10 },
      international_shipping_methods: { "DHL Express": 4 },
      convenience_return_window: null,
      scheduled_release_period: null,
    }),
    currency: "USD",
    usdRate: 1,
    shipsFrom: "CN",
    authorized: false,
    priceFactor: 0.45,
    coverage: 0.55,
  },
  farnell: {
    seller: seller({
      id: "622fb450e4c292d8287b0b76",
      label: "Farnell",
      aliases: ["Farnell element14", "Premier Farnell", "Farnell UK"],
      certifications: ["ISO 9001", "AS9120"],
      lead: 5,
      best_case_lead: 2,
      free_ship: { threshold: 40, shipping_lead: 3 },
      shipping_options: [{ price: 0, shipping_lead: 5 }],
      us_shipping_methods: { "UPS worldwide saver": 4 },
      international_shipping_methods: { "UPS worldwide saver": 3 },
    }),
    currency: "GBP",
    usdRate: 1.27,
    shipsFrom: "GB",
    authorized: true,
    priceFactor: 0.84,
    coverage: 0.4,
  },
  tme: {
    seller: seller({
      id: "622fb450e4c292d8287b0b8d",
      label: "TME",
      aliases: ["Transfer Multisort Elektronik", "TME Electronic Components"],
      lead: 6,
      best_case_lead: 2,
      free_ship: { threshold: null, shipping_lead: null },
      shipping_options: [{ price: 25, shipping_lead: 4 }],
      us_shipping_methods: { "UPS worldwide saver": 5 },
      international_shipping_methods: { "DPD Classic": 3, "UPS worldwide saver": 4 },
    }),
    currency: "EUR",
    usdRate: 1.08,
    shipsFrom: "PL",
    authorized: true,
    priceFactor: 0.86,
    coverage: 0.3,
  },
};

export type SellerKey = keyof typeof SELLER_PROFILES;
export const SELLER_KEYS = Object.keys(SELLER_PROFILES) as SellerKey[];

export function sellerProfile(key: string): SellerProfile {
  const profile = SELLER_PROFILES[key];
  if (!profile) throw new Error(`Unknown seller ${key}`);
  return profile;
}
