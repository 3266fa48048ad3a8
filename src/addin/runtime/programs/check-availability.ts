/**
 * "Can we build it?" for an uploaded BOM, answered by Cofactr: the BOM's program is made (or
 * updated) for the build quantity, then Cofactr's availability job for that program is followed
 * to its end. Running it again updates the same program.
 */
import type { ProgramAvailabilityResponse } from "../../../core/api-programs";
import type { ProgramsApi } from "../../../core/programs-client";

export interface AvailabilityCheck {
  programId: string;
  programName: string;
  /** True when this check made the program, false when it updated an existing one. */
  created: boolean;
  /** Boards of this BOM the program builds. */
  buildQuantity: number;
  totals: ProgramAvailabilityResponse["totals"];
  /** BOM lines Cofactr could not match to a part: not counted in the totals. */
  unmatchedLines: number;
  currency: string | null;
  computedAt: string | null;
}

export interface CheckOptions {
  /** Boards to check for; default the build quantity the BOM was uploaded with. */
  buildQuantity?: number;
  signal?: AbortSignal;
  /** Give up on the availability job after this long (default the client's). */
  timeoutMs?: number;
}

export async function checkBomAvailability(
  programs: ProgramsApi,
  bomId: string,
  options: CheckOptions = {},
): Promise<AvailabilityCheck> {
  const { program, created } = await programs.bomProgram(
    bomId,
    options.buildQuantity === undefined ? {} : { build_quantity: options.buildQuantity },
  );
  const availability = await programs.followAvailability(program.id, {
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  const line = program.lines.find((candidate) => candidate.bom_id === bomId);
  return {
    programId: program.id,
    programName: program.name,
    created,
    buildQuantity: line?.quantity ?? 0,
    totals: availability.totals,
    unmatchedLines: availability.unmatched_lines.length,
    currency: availability.currency,
    computedAt: availability.computed_at,
  };
}
