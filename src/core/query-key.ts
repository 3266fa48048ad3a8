/**
 * The identity of a part lookup, the one rule the add-in, the server and the CLI share: MPN and
 * manufacturer, trimmed, inner runs of white space collapsed to one space, compared without
 * case. "grm188r71h104ka93d" and " GRM188R71H104KA93D " are one lookup, one cache entry and one
 * upstream search.
 */
import type { PartQuery } from "./api";

/** Trimmed, with each run of white space made one space (linear: one pass, no backtracking). */
export function collapseSpaces(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

export function queryKey(query: PartQuery): string {
  const mpn = collapseSpaces(query.mpn ?? "").toUpperCase();
  const manufacturer = collapseSpaces(query.manufacturer ?? "").toUpperCase();
  // NUL cannot be typed into a cell, so no MPN/manufacturer pair can mimic another's key.
  return `${mpn}\u0000${manufacturer}`;
}
