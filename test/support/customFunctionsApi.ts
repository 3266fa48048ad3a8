/**
 * A fake `POST /api/parts/lookup` for the custom-function tests: a fetch implementation over a
 * small catalogue, which records every request and can be told to misbehave.
 */
import type {
  LookupRequest,
  LookupResult,
  Part,
  PartOffer,
  PartQuery,
  PriceBreak,
} from "../../src/core/api";

export function usdBreak(quantity: number, price: number): PriceBreak {
  return { quantity, price, currency: "USD", converted_price: price, converted_currency: "USD" };
}

export function eurBreak(quantity: number, eur: number, usd: number): PriceBreak {
  return { quantity, price: eur, currency: "EUR", converted_price: usd, converted_currency: "USD" };
}

function offer(fields: Partial<PartOffer> & Pick<PartOffer, "seller">): PartOffer {
  return {
    seller_id: `${fields.seller.toLowerCase()}-id`,
    seller_aliases: [],
    sku: null,
    authorized: true,
    stock: 0,
    moq: 1,
    order_multiple: 1,
    packaging: null,
    lead_days: null,
    prices: [],
    updated_at: "2026-11-01T00:00:00Z",
    ...fields,
  };
}

/** The Knowledge Graph example part, with its Digi-Key offer and two more sellers. */
export const MURATA_CAP: Part = {
  cpid: "CC2DKKO1LUCF",
  mpn: "GCM21BR72A104KA37L",
  manufacturer: "Murata",
  description: "Multilayer Ceramic Capacitors MLCC - SMD/SMT 0805 100nF 100V X7R 10%",
  classification: "Ceramic Capacitors",
  lifecycle: "Production",
  package: "0805",
  datasheet: "https://example.com/murata/GCM21BR72A104KA37L.pdf",
  image: "https://example.com/murata/GCM21BR72A104KA37L.jpg",
  total_stock: 652_178 + 12_000 + 40_000,
  min_lead_days: 84,
  specs: [
    { id: "capacitance", label: "Capacitance", value: "100 nF" },
    { id: "voltage_rating", label: "Voltage Rating", value: "100 V" },
    { id: "package", label: "Package", value: "0805 (2012 metric)" },
  ],
  offers: [
    offer({
      seller: "Digi-Key",
      seller_id: "622fb450e4c292d8287b0af5",
      seller_aliases: ["DigiKey", "Digi-Key Electronics"],
      sku: "490-4780-2-ND",
      stock: 652_178,
      moq: 3000,
      packaging: "Tape & Reel",
      lead_days: 147,
      prices: [usdBreak(3000, 0.03828), usdBreak(6000, 0.0354), usdBreak(9000, 0.03395)],
    }),
    offer({
      seller: "Mouser",
      sku: "81-GCM21BR72A104KA7L",
      stock: 12_000,
      moq: 1,
      packaging: "Cut Tape",
      lead_days: 84,
      prices: [usdBreak(1, 0.21), usdBreak(10, 0.129), usdBreak(100, 0.061)],
    }),
    offer({
      seller: "Farnell",
      sku: "2809563",
      authorized: false,
      stock: 40_000,
      moq: 10,
      order_multiple: 10,
      lead_days: null,
      prices: [eurBreak(10, 0.1, 0.11), eurBreak(1000, 0.03, 0.033)],
    }),
  ],
};

/** Two makers share this MPN; the manufacturer argument tells them apart. */
export const SHARED_MPN_TI: Part = {
  ...MURATA_CAP,
  cpid: "CPTI000LM358",
  mpn: "LM358",
  manufacturer: "Texas Instruments",
  description: "Dual op amp (TI)",
  package: "SOIC-8",
  lifecycle: "Production",
  datasheet: "https://example.com/ti/lm358.pdf",
  image: null,
  total_stock: 500,
  min_lead_days: null,
  specs: [],
  offers: [
    offer({
      seller: "Arrow",
      stock: 500,
      lead_days: 42,
      prices: [usdBreak(1, 0.5), usdBreak(100, 0.3)],
    }),
  ],
};

export const SHARED_MPN_ONSEMI: Part = {
  ...SHARED_MPN_TI,
  cpid: "CPON000LM358",
  manufacturer: "onsemi",
  description: "Dual op amp (onsemi)",
  offers: [offer({ seller: "Arrow", stock: 80, lead_days: 60, prices: [usdBreak(1, 0.45)] })],
};

/** A part Cofactr knows nothing commercial about. */
export const BARE_PART: Part = {
  cpid: "CPBARE000001",
  mpn: "BARE-1",
  manufacturer: "Nobody Inc",
  description: null,
  classification: null,
  lifecycle: null,
  package: null,
  datasheet: null,
  image: null,
  total_stock: 0,
  min_lead_days: null,
  specs: [],
  offers: [],
};

export const CATALOGUE: Part[] = [MURATA_CAP, SHARED_MPN_TI, SHARED_MPN_ONSEMI, BARE_PART];

const same = (a: string, b: string): boolean => a.trim().toUpperCase() === b.trim().toUpperCase();

/** What the real server would answer for each query. */
export function resultsFor(catalogue: Part[], queries: PartQuery[]): LookupResult[] {
  return queries.map((query) => {
    const part = catalogue.find(
      (candidate) =>
        same(candidate.mpn, query.mpn) &&
        (query.manufacturer == null || same(candidate.manufacturer, query.manufacturer)),
    );
    return part
      ? { status: "found", part }
      : { status: "not_found", message: `No part matches ${query.mpn}` };
  });
}

export interface RecordedRequest {
  url: string;
  headers: Record<string, string>;
  queries: PartQuery[];
  /** The body's refresh flag (absent = false). */
  refresh: boolean;
  signal: AbortSignal | null;
}

export type Responder = (
  queries: PartQuery[],
  request: RecordedRequest,
) => Response | Promise<Response>;

export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** A fetch over `catalogue`; `respond` replaces the normal answer (queue several with `then`). */
export function fakeLookupApi(catalogue: Part[] = CATALOGUE) {
  const requests: RecordedRequest[] = [];
  const queued: Responder[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let fallback: Responder = (queries) => jsonResponse({ results: resultsFor(catalogue, queries) });

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const body = JSON.parse(String(init?.body)) as LookupRequest;
    const request: RecordedRequest = {
      url: String(input),
      headers: { ...(init?.headers as Record<string, string>) },
      queries: body.queries,
      refresh: body.refresh === true,
      signal: init?.signal ?? null,
    };
    requests.push(request);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const responder = queued.shift() ?? fallback;
      return await responder(body.queries, request);
    } finally {
      inFlight -= 1;
    }
  };

  return {
    fetch,
    requests,
    /** Answers the next request with `responder`, then goes back to normal. */
    once(responder: Responder) {
      queued.push(responder);
    },
    /** Answers every later request with `responder`. */
    always(responder: Responder) {
      fallback = responder;
    },
    maxInFlight: () => maxInFlight,
    queriesSent: () => requests.reduce((sum, request) => sum + request.queries.length, 0),
  };
}

/** A responder that never answers until the request is aborted, then rejects like fetch does. */
export const hangUntilAborted: Responder = (_queries, request) =>
  new Promise<Response>((_resolve, reject) => {
    request.signal?.addEventListener("abort", () =>
      reject(new DOMException("The operation was aborted.", "AbortError")),
    );
  });
