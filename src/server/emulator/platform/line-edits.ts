/**
 * Line edits on an emulated BOM beyond raw lines: a line from Cofactr data (a CPID), a PATCH,
 * a removal. A line that ends up with the same part (and DNP flag) as another line of the BOM is
 * summed into it, as the Platform documents for lines created from Cofactr data: no duplicates.
 */
import { randomUUID } from "node:crypto";
import type { Catalogue, CatalogueProduct } from "../catalogue";
import type { BomLine, LinePart } from "./matching";
import type { LinePatchInput, PartLineInput } from "./schemas";
import type { Bom } from "./store";

export class UnknownPartError extends Error {
  constructor(readonly cpid: string) {
    super(`No part with id ${cpid}.`);
  }
}

/** What an edit did: the line that now holds the change, and the id of a line it absorbed. */
export interface LineEditOutcome {
  line: BomLine;
  /** Set when the edited or new line was summed into `line` and no longer exists. */
  mergedLineId: string | null;
}

function partOf(catalogue: Catalogue, cpid: string): LinePart {
  const product: CatalogueProduct | undefined = catalogue.get(cpid);
  if (!product) throw new UnknownPartError(cpid);
  return { id: product.id, mpn: product.mpn, mfr: product.mfr, description: product.description };
}

/** The other line of the BOM this one would duplicate, if any. */
function twinOf(bom: Bom, line: BomLine): BomLine | undefined {
  if (!line.part) return undefined;
  return bom.lines.find(
    (other) =>
      other !== line &&
      other.part?.id === line.part?.id &&
      other.do_not_place === line.do_not_place,
  );
}

/** Sums `line` into `twin`: quantities added, designators joined without repeats. */
function sumInto(twin: BomLine, line: BomLine): void {
  twin.quantity += line.quantity;
  const refs = [...twin.reference_designators];
  for (const ref of line.reference_designators) if (!refs.includes(ref)) refs.push(ref);
  twin.reference_designators = refs;
  twin.reference_designators_string = refs.length > 0 ? refs.join(", ") : null;
}

function touch(bom: Bom): void {
  bom.updated_at = new Date().toISOString();
}

export function addPartLine(catalogue: Catalogue, bom: Bom, input: PartLineInput): LineEditOutcome {
  const part = partOf(catalogue, input.part);
  const refs = input.reference_designators ?? [];
  const line: BomLine = {
    id: randomUUID(),
    bom_id: bom.id,
    part,
    match_status: "matched",
    quantity: input.quantity ?? 0,
    reference_designators: refs,
    reference_designators_string:
      input.reference_designators_string ?? (refs.length > 0 ? refs.join(", ") : null),
    custom_id: input.custom_id ?? null,
    mpn: part.mpn,
    alternative_mpns: [],
    manufacturer_name: part.mfr,
    description: input.description ?? part.description,
    link: null,
    comments: input.comments ?? null,
    do_not_place: input.do_not_place ?? false,
    line_number: input.line_number ?? null,
    value: null,
    package: null,
    mount_type: null,
    metadata: input.metadata ?? {},
    is_custom_part: false,
  };
  touch(bom);
  const twin = twinOf(bom, line);
  if (twin) {
    sumInto(twin, line);
    return { line: twin, mergedLineId: null };
  }
  bom.lines.push(line);
  return { line, mergedLineId: null };
}

export function patchLine(
  catalogue: Catalogue,
  bom: Bom,
  line: BomLine,
  changes: LinePatchInput,
): LineEditOutcome {
  const { part, is_custom_part: custom, reference_designators: refs, ...plain } = changes;
  // Resolve the part first, so an unknown CPID changes nothing.
  const newPart = part === undefined ? undefined : part === null ? null : partOf(catalogue, part);
  Object.assign(line, plain);
  if (refs !== undefined) {
    line.reference_designators = refs;
    if (changes.reference_designators_string === undefined) {
      line.reference_designators_string = refs.length > 0 ? refs.join(", ") : null;
    }
  }
  if (newPart !== undefined) {
    line.part = newPart;
    line.is_custom_part = false;
  }
  if (custom === true) {
    line.part = null;
    line.is_custom_part = true;
  } else if (custom === false) {
    line.is_custom_part = false;
  }
  line.match_status = line.is_custom_part ? "custom" : line.part ? "matched" : "unmatched";
  touch(bom);
  const twin = twinOf(bom, line);
  if (!twin) return { line, mergedLineId: null };
  sumInto(twin, line);
  bom.lines = bom.lines.filter((other) => other !== line);
  return { line: twin, mergedLineId: line.id };
}

export function removeLine(bom: Bom, line: BomLine): void {
  bom.lines = bom.lines.filter((other) => other !== line);
  touch(bom);
}
