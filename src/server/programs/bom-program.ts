/**
 * A BOM's program for a build quantity, made or updated idempotently: the program is the one
 * named by id, else the one with the given name (the BOM's by default), else a new one; it
 * ends with exactly one line for the BOM, at the build quantity. Calling it again with the same
 * quantity changes nothing.
 */
import type { BomProgramResponse, ProgramResponse } from "../../core/api-programs";
import type { ProgramClient } from "../upstream/program-client";

export interface BomProgramTarget {
  bomId: string;
  quantity: number;
  name: string;
  programId?: string;
}

/** Programs looked through for an exact name (the search narrows by name first). */
const NAME_SEARCH_LIMIT = 200;

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

async function programNamed(programs: ProgramClient, name: string) {
  const page = await programs.list({ search: name, limit: NAME_SEARCH_LIMIT, offset: 0 });
  const match = page.programs.find((program) => program.name === name);
  return match ? programs.get(match.id) : null;
}

export async function ensureBomProgram(
  programs: ProgramClient,
  target: BomProgramTarget,
): Promise<BomProgramResponse> {
  const { bomId, quantity } = target;
  const existing: ProgramResponse | null = target.programId
    ? await programs.get(target.programId)
    : await programNamed(programs, target.name);
  if (!existing) {
    const program = await programs.create({
      name: target.name,
      lines: [{ bom_id: bomId, quantity }],
    });
    const line = program.lines.find((candidate) => sameId(candidate.bom_id, bomId));
    return { program, created: true, line_id: line?.id ?? "" };
  }
  const line = existing.lines.find((candidate) => sameId(candidate.bom_id, bomId));
  if (line && line.quantity === quantity) {
    return { program: existing, created: false, line_id: line.id };
  }
  const lineId = line
    ? (await programs.updateLine(existing.id, line.id, { quantity })).id
    : (await programs.createLine(existing.id, { bom_id: bomId, quantity })).id;
  return { program: await programs.get(existing.id), created: false, line_id: lineId };
}
