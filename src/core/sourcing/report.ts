/**
 * From BOM lines and their lookups to a plan report: the parts to look up, each line's input
 * as the engine takes it, and what the lookup made of each line. Shared by the CLI and the
 * task pane, so both plan the same lines the same way.
 */
import type { Part, PartQuery } from "../api";
import type { CreateRawBomLine } from "../cofactr";
import { queryKey } from "../query-key";
import type { BomHealth } from "./health";
import type { SourcingLine, SourcingPart, SourcingPlan } from "./types";

/** What the BOM says about a line, and what the lookup made of it. */
export interface PlanInputLine {
  id: string;
  row: number;
  line_number: string | null;
  mpn: string | null;
  manufacturer: string | null;
  quantity_per_board: number;
  alternates: string[];
  /** found, or why the line has no part: not_found, lookup_error, no_mpn. */
  lookup: "found" | "not_found" | "lookup_error" | "no_mpn" | "dnp";
  message: string | null;
}

/** A plan with the lines it was made from; the CLI adds the file. */
export interface PlanReport {
  currency: string;
  lines: PlanInputLine[];
  plan: SourcingPlan;
  health: BomHealth;
}

/** A lookup's answer for one query, as the server's and the add-in's lookups both give it. */
export type PartAnswer =
  | { status: "found"; part: Pick<Part, "mpn" | "manufacturer" | "lifecycle" | "offers"> }
  | { status: "not_found" | "error"; message: string };

/** The queries a plan needs: each placed line's MPN and manufacturer, and its alternates. */
export function planQueries(lines: readonly CreateRawBomLine[]): PartQuery[] {
  const wanted = lines.filter((line) => !line.do_not_place);
  return [
    ...wanted
      .filter((line) => line.mpn)
      .map((line) => ({ mpn: line.mpn as string, manufacturer: line.manufacturer_name ?? null })),
    // Alternates may come from another maker: matched on the MPN alone.
    ...wanted.flatMap((line) => (line.alternative_mpns ?? []).map((mpn) => ({ mpn }))),
  ];
}

function toSourcingPart(answer: PartAnswer | undefined): SourcingPart | null {
  if (answer?.status !== "found") return null;
  const { part } = answer;
  return {
    mpn: part.mpn,
    manufacturer: part.manufacturer,
    lifecycle: part.lifecycle,
    offers: part.offers,
  };
}

/**
 * Each line as the engine takes it (its id is its sheet row) and as the report shows it.
 * `answers` is keyed by `queryKey`; a query without an answer counts as a lookup error.
 */
export function planInputs(
  lines: readonly CreateRawBomLine[],
  lineRows: readonly number[],
  answers: ReadonlyMap<string, PartAnswer>,
): { inputs: PlanInputLine[]; sourcing: SourcingLine[] } {
  const inputs: PlanInputLine[] = [];
  const sourcing = lines.map((line, i): SourcingLine => {
    const row = lineRows[i] as number;
    const id = String(row);
    const primary = line.mpn
      ? answers.get(queryKey({ mpn: line.mpn, manufacturer: line.manufacturer_name ?? null }))
      : undefined;
    const alternates = (line.alternative_mpns ?? [])
      .map((mpn) => toSourcingPart(answers.get(queryKey({ mpn }))))
      .filter((part): part is SourcingPart => part !== null);
    inputs.push({
      id,
      row,
      line_number: line.line_number ?? null,
      mpn: line.mpn,
      manufacturer: line.manufacturer_name ?? null,
      quantity_per_board: line.quantity ?? 0,
      alternates: line.alternative_mpns ?? [],
      lookup: line.do_not_place
        ? "dnp"
        : !line.mpn
          ? "no_mpn"
          : primary === undefined || primary.status === "error"
            ? "lookup_error"
            : primary.status,
      message: primary !== undefined && primary.status !== "found" ? primary.message : null,
    });
    return {
      id,
      quantityPerBoard: line.quantity ?? 0,
      doNotPlace: line.do_not_place === true,
      part: toSourcingPart(primary),
      alternates,
    };
  });
  return { inputs, sourcing };
}
