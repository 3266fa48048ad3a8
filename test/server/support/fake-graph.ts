/** A small Knowledge Graph stand-in for unit tests: answers `POST /batch/products/` from a
 * handful of products, searching the way mpn_sku_mfr is documented (MPN first, then maker). */
import type { GraphProductOffersV1, GraphProductV1 } from "../../../src/core/cofactr";
import type { FakeAnswer, RecordedRequest } from "./fake-upstream";

export interface FakeProduct extends GraphProductOffersV1 {
  lifecycle_status?: GraphProductV1["lifecycle_status"];
  inventory_level?: number;
}

export function product(
  id: string,
  mpn: string,
  mfr: string,
  stock: number,
  extra: Partial<FakeProduct> = {},
): FakeProduct {
  return {
    id,
    mpn,
    mfr,
    alt_mpns: [],
    description: `${mfr} ${mpn}`,
    documents: [{ label: "Datasheet", url: `https://example.com/${mpn}.pdf`, filename: "ds.pdf" }],
    specs: [{ id: "package", label: "Package", display_value: "0603" }],
    offers: [
      {
        part: id,
        seller: { id: "seller-1", label: "Digi-Key", aliases: ["DK"], lead: 1, best_case_lead: 1 },
        is_authorized: true,
        shipping_lead: 2,
        sku: `${mpn}-ND`,
        inventory_level: stock,
        moq: 1,
        order_multiple: 1,
        prices: [
          {
            quantity: 1,
            price: 0.1,
            currency: "USD",
            converted_currency: "USD",
            converted_price: 0.1,
            conversion_rate: 1,
          },
        ],
        offer_updated_at: "2026-11-01T00:00:00Z",
        factory_lead_days: 70,
      },
    ],
    lifecycle_status: "Production",
    inventory_level: stock + 5,
    ...extra,
  };
}

export interface GraphCall {
  schema: string;
  external: boolean;
  q: string | null;
  ids: string[] | null;
}

/** Answers batch requests; every member is recorded in `calls`. */
export function fakeGraph(products: FakeProduct[], calls: GraphCall[] = []) {
  return (request: RecordedRequest): FakeAnswer => {
    if (request.method !== "POST" || !request.url.startsWith("/batch/products/")) {
      return { status: 404, body: { detail: "Not Found" } };
    }
    const batch = (request.body as { batch: { relative_url: string }[] }).batch;
    if (batch.length > 250) return { status: 422, body: { detail: [{ msg: "too many" }] } };
    return {
      body: batch.map((member) => {
        const params = new URLSearchParams(member.relative_url.replace(/^\?/, ""));
        const schema = params.get("schema") ?? "";
        const filtering = params.get("filtering");
        if (filtering) {
          const ids = (JSON.parse(filtering) as { value: string[] }[])[0]?.value ?? [];
          calls.push({ schema, external: params.get("external") === "true", q: null, ids });
          const data = products
            .filter(
              (p) => ids.includes(p.id) || (p.deprecated_ids ?? []).some((d) => ids.includes(d)),
            )
            .map((p) =>
              schema === "product-offers-v1"
                ? offersOnly(p)
                : {
                    id: p.id,
                    deprecated_ids: p.deprecated_ids,
                    mpn: p.mpn,
                    mfr: p.mfr,
                    lifecycle_status: p.lifecycle_status,
                    inventory_level: p.inventory_level,
                  },
            );
          return { code: 200, body: { data } };
        }
        const q = params.get("q") ?? "";
        calls.push({ schema, external: params.get("external") === "true", q, ids: null });
        const [mpn = "", ...maker] = q.split(" ");
        const makerText = maker.join(" ").toLowerCase();
        const data = products
          .filter((p) => (p.mpn ?? "").toUpperCase().startsWith(mpn.toUpperCase()))
          .filter((p) => makerText === "" || (p.mfr ?? "").toLowerCase().includes(makerText))
          .sort((a, b) => (b.inventory_level ?? 0) - (a.inventory_level ?? 0))
          .slice(0, Number(params.get("limit") ?? 10))
          .map(offersOnly);
        return { code: 200, body: { data } };
      }),
    };
  };
}

/** The product-offers-v1 shape: no lifecycle, no total inventory. */
function offersOnly(p: FakeProduct): GraphProductOffersV1 {
  const { lifecycle_status: _l, inventory_level: _i, ...rest } = p;
  return rest;
}
