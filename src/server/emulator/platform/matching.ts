/**
 * Turning raw BOM lines into BOM lines: each line's MPN (and manufacturer, when given) is looked
 * up in the catalogue; lines that resolve to the same part with the same refdes string are
 * merged by summing quantities, as the Platform documents for raw lines.
 */
import { randomUUID } from "node:crypto";
import type { Catalogue, CatalogueProduct } from "../catalogue";
import { manufacturerMatches } from "../catalogue/names";
import type { RawLineInput } from "./schemas";

export type MatchStatus = "matched" | "unmatched" | "custom";

export interface LinePart {
  id: string;
  mpn: string;
  mfr: string;
  description: string | null;
}

export interface BomLine {
  id: string;
  bom_id: string;
  part: LinePart | null;
  match_status: MatchStatus;
  quantity: number;
  reference_designators: string[];
  reference_designators_string: string | null;
  custom_id: string | null;
  mpn: string | null;
  alternative_mpns: string[];
  manufacturer_name: string | null;
  description: string | null;
  link: string | null;
  comments: string | null;
  do_not_place: boolean;
  line_number: string | null;
  value: string | null;
  package: string | null;
  mount_type: string | null;
  metadata: Record<string, unknown>;
  is_custom_part: boolean;
}

const byInventory = (a: CatalogueProduct, b: CatalogueProduct) =>
  b.totals.inventory_level - a.totals.inventory_level;

/** The best catalogue product for an MPN and optional manufacturer, or null. */
export function findPart(
  catalogue: Catalogue,
  mpn: string,
  manufacturer: string | null | undefined,
): CatalogueProduct | null {
  let candidates = catalogue.byExactMpn(mpn);
  if (candidates.length === 0) candidates = catalogue.byLooseMpn(mpn);
  if (manufacturer && manufacturer.trim() !== "") {
    candidates = candidates.filter((p) => manufacturerMatches(manufacturer, p.mfr));
  }
  return [...candidates].sort(byInventory)[0] ?? null;
}

function matchRawLine(catalogue: Catalogue, line: RawLineInput): CatalogueProduct | null {
  for (const mpn of [line.mpn, ...(line.alternative_mpns ?? [])]) {
    if (!mpn) continue;
    const part = findPart(catalogue, mpn, line.manufacturer_name);
    if (part) return part;
  }
  return null;
}

/** Refdes list from the string when the caller sent no list: "R1, R2 R3" → [R1, R2, R3]. */
function refdesList(line: RawLineInput): string[] {
  if (line.reference_designators) return line.reference_designators;
  const text = line.reference_designators_string ?? "";
  return text.split(/[\s,;]+/).filter((ref) => ref !== "");
}

export function buildLines(catalogue: Catalogue, bomId: string, raw: RawLineInput[]): BomLine[] {
  const lines: BomLine[] = [];
  const merged = new Map<string, BomLine>();
  for (const input of raw) {
    const custom = input.is_custom_part === true;
    const product = custom ? null : matchRawLine(catalogue, input);
    const refdesString = input.reference_designators_string ?? null;
    if (product) {
      const key = `${product.id}\u0000${refdesString ?? ""}`;
      const existing = merged.get(key);
      if (existing) {
        existing.quantity += input.quantity ?? 0;
        continue;
      }
    }
    const line: BomLine = {
      id: randomUUID(),
      bom_id: bomId,
      part: product
        ? { id: product.id, mpn: product.mpn, mfr: product.mfr, description: product.description }
        : null,
      match_status: custom ? "custom" : product ? "matched" : "unmatched",
      quantity: input.quantity ?? 0,
      reference_designators: refdesList(input),
      reference_designators_string: refdesString,
      custom_id: input.custom_id ?? null,
      mpn: input.mpn ?? null,
      alternative_mpns: input.alternative_mpns ?? [],
      manufacturer_name: input.manufacturer_name ?? null,
      description: input.description ?? null,
      link: input.link ?? null,
      comments: input.comments ?? null,
      do_not_place: input.do_not_place ?? false,
      line_number: input.line_number ?? null,
      value: input.value ?? null,
      package: input.package ?? null,
      mount_type: input.mount_type ?? null,
      metadata: input.metadata ?? {},
      is_custom_part: custom,
    };
    if (product) merged.set(`${product.id}\u0000${refdesString ?? ""}`, line);
    lines.push(line);
  }
  return lines;
}
