/**
 * What a program needs: every placed, matched line of every BOM it builds, times the boards,
 * summed per part after the program's part overrides. The emulator's own rule for an
 * undocumented computation.
 */
import type { Catalogue, CatalogueProduct } from "../../catalogue";
import type { BomLine } from "../matching";
import type { BomStore } from "../store";
import type { PartOverride, Program } from "./store";

export interface PartNeed {
  product: CatalogueProduct;
  required: number;
  bomLineIds: string[];
  /** CPIDs the BOMs ask for that an override replaced with this part. */
  overriddenFrom: string[];
}

export interface UnmatchedNeed {
  program_line_id: string;
  bom_id: string;
  bom_line_id: string;
  mpn: string | null;
  quantity: number;
}

export interface ProgramNeeds {
  parts: PartNeed[];
  unmatched: UnmatchedNeed[];
  /** BOMs a program line names that no longer exist. */
  missingBomIds: string[];
}

/** A line's own override first, then the program-wide one for the line's part. */
function overrideFor(overrides: PartOverride[], line: BomLine): PartOverride | undefined {
  const partId = line.part?.id;
  if (!partId) return undefined;
  const matching = overrides.filter((override) => override.part.id === partId);
  return (
    matching.find((override) => override.bom_line_id === line.id) ??
    matching.find((override) => override.bom_line_id === null)
  );
}

export function programNeeds(program: Program, boms: BomStore, catalogue: Catalogue): ProgramNeeds {
  const byPart = new Map<string, PartNeed>();
  const unmatched: UnmatchedNeed[] = [];
  const missingBomIds: string[] = [];
  for (const programLine of program.lines) {
    const bom = boms.get(programLine.bom_id);
    if (!bom) {
      missingBomIds.push(programLine.bom_id);
      continue;
    }
    for (const line of bom.lines) {
      if (line.do_not_place || line.is_custom_part || line.quantity <= 0) continue;
      const quantity = line.quantity * programLine.quantity;
      const override = overrideFor(program.overrides, line);
      const product = catalogue.get(override?.override_part.id ?? line.part?.id ?? "");
      if (!product) {
        unmatched.push({
          program_line_id: programLine.id,
          bom_id: bom.id,
          bom_line_id: line.id,
          mpn: line.mpn,
          quantity,
        });
        continue;
      }
      const need = byPart.get(product.id) ?? {
        product,
        required: 0,
        bomLineIds: [],
        overriddenFrom: [],
      };
      need.required += quantity;
      need.bomLineIds.push(line.id);
      if (override && !need.overriddenFrom.includes(override.part.id)) {
        need.overriddenFrom.push(override.part.id);
      }
      byPart.set(product.id, need);
    }
  }
  return { parts: [...byPart.values()], unmatched, missingBomIds };
}
