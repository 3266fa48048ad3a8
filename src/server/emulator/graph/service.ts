/**
 * The Knowledge Graph's product operations as plain functions from a query to `{code, body}`,
 * so the HTTP routes and each member of a batch share one implementation.
 */
import type { Catalogue } from "../catalogue";
import { parseListQuery, parseViewQuery, readInteger, type FastApiErrorItem } from "./query";
import { autocomplete, searchProducts } from "./search";
import { shapeProduct } from "./shapes";

export interface GraphOutcome {
  code: number;
  body: unknown;
  /** Products returned: what Cofactr meters. */
  metered: number;
}

const invalid = (errors: FastApiErrorItem[]): GraphOutcome => ({
  code: 422,
  body: { detail: errors },
  metered: 0,
});

export function listProducts(catalogue: Catalogue, params: URLSearchParams): GraphOutcome {
  const parsed = parseListQuery(params);
  if (!parsed.ok) return invalid(parsed.errors);
  const query = parsed.value;
  const found = searchProducts(catalogue, query);
  const page = found.slice(query.offset, query.offset + query.limit);
  const data = page.map((product) => shapeProduct(product, query.schema));
  return { code: 200, body: { data }, metered: data.length };
}

export function viewProduct(
  catalogue: Catalogue,
  id: string,
  params: URLSearchParams,
): GraphOutcome {
  const parsed = parseViewQuery(params);
  if (!parsed.ok) return invalid(parsed.errors);
  const product = catalogue.get(id);
  if (!product) return { code: 404, body: { detail: `Product ${id} not found` }, metered: 0 };
  return { code: 200, body: { data: shapeProduct(product, parsed.value.schema) }, metered: 1 };
}

export function autocompleteProducts(catalogue: Catalogue, params: URLSearchParams): GraphOutcome {
  const errors: FastApiErrorItem[] = [];
  const limit = readInteger(params, "limit", { exclusiveMin: 0, max: 500, fallback: 10 }, errors);
  if (errors.length > 0) return invalid(errors);
  const products = autocomplete(catalogue, params.get("q") ?? "", limit);
  const data = products.map((product) => ({
    id: product.id,
    label: `${product.mfr_label} ${product.mpn}`,
  }));
  return { code: 200, body: { data }, metered: 0 };
}

const PRODUCT_PATH = /^\/products\/([^/]+)$/;

/**
 * One batch member: `relative_url` is a `/products/` query, written as "?q=…", "/products/?q=…"
 * or "products/?q=…"; "/products/{id}?…" views one product.
 */
export function runRelativeUrl(catalogue: Catalogue, relativeUrl: string): GraphOutcome {
  let url: URL;
  try {
    const trimmed = relativeUrl.trim();
    const rooted = /^products\b/.test(trimmed) ? `/${trimmed}` : trimmed;
    url = new URL(rooted, "http://graph.emulator/products/");
  } catch {
    return { code: 404, body: { detail: "Not Found" }, metered: 0 };
  }
  const path = url.pathname;
  if (path === "/products/" || path === "/products")
    return listProducts(catalogue, url.searchParams);
  if (path === "/products/autocompletions/")
    return autocompleteProducts(catalogue, url.searchParams);
  const match = PRODUCT_PATH.exec(path);
  if (match?.[1]) return viewProduct(catalogue, decodeURIComponent(match[1]), url.searchParams);
  return { code: 404, body: { detail: "Not Found" }, metered: 0 };
}
