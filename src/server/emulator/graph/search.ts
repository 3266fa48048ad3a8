/** The five search strategies of `GET /products/`, over the emulator's catalogue. */
import type { Catalogue, CatalogueProduct } from "../catalogue";
import { compactMpn, manufacturerMatches } from "../catalogue/names";
import type { IdFilter, ProductListQuery } from "./query";

const byInventory = (a: CatalogueProduct, b: CatalogueProduct): number =>
  b.totals.inventory_level - a.totals.inventory_level;

function unique(products: CatalogueProduct[]): CatalogueProduct[] {
  return [...new Set(products)];
}

function applyFilter(
  catalogue: Catalogue,
  pool: readonly CatalogueProduct[],
  filter: IdFilter,
): CatalogueProduct[] {
  if (filter.field === "id") {
    // Keeps the caller's order; deprecated ids resolve to their product.
    const wanted = filter.values.map((id) => catalogue.get(id)).filter((p) => p !== undefined);
    const allowed = new Set(pool);
    return unique(wanted.filter((p) => allowed.has(p)));
  }
  if (filter.field === "mpn") {
    const wanted = new Set(filter.values.map((v) => v.trim().toUpperCase()));
    return pool.filter((p) => [p.mpn, ...p.alt_mpns].some((m) => wanted.has(m.toUpperCase())));
  }
  return pool.filter((p) => filter.values.some((mfr) => manufacturerMatches(mfr, p.mfr)));
}

/** `q` holding a query string (`mpn=A&mpn=B&mfr=X`); a bare value counts as one MPN. */
function embeddedQuery(q: string): { mpns: string[]; mfrs: string[] } {
  const params = new URLSearchParams(q);
  const mpns = params.getAll("mpn").filter((m) => m.trim() !== "");
  const mfrs = params.getAll("mfr").filter((m) => m.trim() !== "");
  if (mpns.length === 0 && !q.includes("=")) mpns.push(q);
  return { mpns, mfrs };
}

function exactMpns(catalogue: Catalogue, mpns: string[]): CatalogueProduct[] {
  return unique(mpns.flatMap((mpn) => catalogue.byExactMpn(mpn))).sort(byInventory);
}

function defaultSearch(
  catalogue: Catalogue,
  pool: readonly CatalogueProduct[],
  q: string,
): CatalogueProduct[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const hits = pool.filter((product) => {
    const text = catalogue.searchText(product);
    return words.every((word) => text.includes(word));
  });
  return hits.sort(byInventory);
}

type Tier = (text: string) => CatalogueProduct[];

/**
 * `q` = "MPN [manufacturer]". Evidence tiers, strongest first: exact MPN, MPN ignoring
 * punctuation, distributor SKU, MPN prefix. Within a tier the longest leading run of words that
 * names a part is the MPN; the words after it, if any, rank that manufacturer's parts first.
 * Then by inventory, descending.
 */
function mpnSkuMfr(
  catalogue: Catalogue,
  pool: readonly CatalogueProduct[],
  q: string,
): CatalogueProduct[] {
  const words = q.trim().split(/\s+/).filter(Boolean);
  const allowed = pool === catalogue.products ? null : new Set(pool);
  const tiers: Tier[] = [
    (text) => [...new Set([...catalogue.byExactMpn(text), ...catalogue.byLooseMpn(text)])],
    (text) => catalogue.bySellerSku(text),
    (text) => {
      const compact = compactMpn(text);
      return compact.length < 5 ? [] : pool.filter((p) => compactMpn(p.mpn).startsWith(compact));
    },
  ];
  for (const tier of tiers) {
    for (let take = words.length; take >= 1; take--) {
      const found = tier(words.slice(0, take).join(" ")).filter((p) => !allowed || allowed.has(p));
      if (found.length === 0) continue;
      const maker = words.slice(take).join(" ");
      const first = maker === "" ? [] : found.filter((p) => manufacturerMatches(maker, p.mfr));
      const rest = found.filter((p) => !first.includes(p));
      return [...first.sort(byInventory), ...rest.sort(byInventory)];
    }
  }
  return [];
}

export function searchProducts(catalogue: Catalogue, query: ProductListQuery): CatalogueProduct[] {
  let pool: readonly CatalogueProduct[] = catalogue.products;
  for (const filter of query.filters) pool = applyFilter(catalogue, pool, filter);
  const q = query.q?.trim() ?? "";
  if (q === "") {
    return query.filters.length > 0 ? [...pool] : [...pool].sort(byInventory);
  }
  const inPool = (products: CatalogueProduct[]) => {
    if (pool === catalogue.products) return products;
    const allowed = new Set(pool);
    return products.filter((p) => allowed.has(p));
  };
  switch (query.strategy) {
    case "mpn_exact":
      return inPool(exactMpns(catalogue, [q]));
    case "mpn_exact_multi":
      return inPool(exactMpns(catalogue, embeddedQuery(q).mpns));
    case "mpn_exact_mfr": {
      const { mpns, mfrs } = embeddedQuery(q);
      const hits = exactMpns(catalogue, mpns);
      return inPool(
        mfrs.length === 0
          ? hits
          : hits.filter((p) => mfrs.some((m) => manufacturerMatches(m, p.mfr))),
      );
    }
    case "mpn_sku_mfr":
      return mpnSkuMfr(catalogue, pool, q);
    default:
      return defaultSearch(catalogue, pool, q);
  }
}

/** Autocompletion: MPN prefix matches first, then MPNs containing the text. */
export function autocomplete(catalogue: Catalogue, q: string, limit: number): CatalogueProduct[] {
  const text = q.trim().toUpperCase();
  if (text === "") return [];
  const prefix: CatalogueProduct[] = [];
  const inside: CatalogueProduct[] = [];
  for (const product of catalogue.products) {
    const mpn = product.mpn.toUpperCase();
    if (mpn.startsWith(text)) prefix.push(product);
    else if (mpn.includes(text)) inside.push(product);
  }
  const byMpn = (a: CatalogueProduct, b: CatalogueProduct) =>
    a.mpn.length - b.mpn.length || a.mpn.localeCompare(b.mpn);
  return [...prefix.sort(byMpn), ...inside.sort(byMpn)].slice(0, limit);
}
