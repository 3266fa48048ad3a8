import type { PartQuery } from "../../../core/api";

/**
 * The identity of a lookup: MPN and manufacturer, case- and spacing-insensitive, so that
 * "grm188r71h104ka93d" and "GRM188R71H104KA93D " share one request and one cache entry.
 */
export function queryKey(query: PartQuery): string {
  const clean = (text: string | null | undefined): string =>
    (text ?? "").trim().replace(/\s+/g, " ").toUpperCase();
  return `${clean(query.mpn)}\u0000${clean(query.manufacturer)}`;
}
