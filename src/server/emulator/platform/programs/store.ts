/**
 * In-memory Programs of the emulated Platform API: a program builds BOMs (each program line is
 * a BOM and how many boards of it), and its part overrides choose another part for a line.
 * Bounded like the BOM store: the least recently written programs go first.
 */
import { randomUUID } from "node:crypto";
import type { Catalogue } from "../../catalogue";
import type { LinePart } from "../matching";
import { EMULATOR_ORG_ID, type BomStore } from "../store";
import type {
  PartOverrideCreateInput,
  PartOverridePatchInput,
  ProgramCreateInput,
  ProgramLineCreateInput,
  ProgramLinePatchInput,
  ProgramPatchInput,
} from "./schemas";

export interface ProgramLine {
  id: string;
  program_id: string;
  bom_id: string;
  /** Boards of the BOM this program builds. */
  quantity: number;
  created_at: string;
  updated_at: string;
}

export interface PartOverride {
  id: string;
  program_id: string;
  part: LinePart;
  override_part: LinePart;
  bom_line_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface Program {
  id: string;
  org_id: string;
  name: string;
  description: string | null;
  metadata: Record<string, unknown>;
  created_at: string;
  updated_at: string;
  lines: ProgramLine[];
  overrides: PartOverride[];
}

export interface ProgramLimits {
  maxPrograms: number;
  /** Lines (BOMs) one program may build; more are refused. */
  maxLinesPerProgram: number;
  /** Part overrides one program may hold; more are refused. */
  maxOverridesPerProgram: number;
}

export const DEFAULT_PROGRAM_LIMITS: ProgramLimits = {
  maxPrograms: 200,
  maxLinesPerProgram: 200,
  maxOverridesPerProgram: 2000,
};

/** A change the Platform understood and refuses (answered 400 with this message). */
export class ProgramRefusal extends Error {}

/** A CPID the catalogue does not know (answered 422 naming the field). */
export class UnknownProgramPartError extends Error {
  constructor(
    readonly field: string,
    cpid: string,
  ) {
    super(`No part with id ${cpid}.`);
  }
}

const now = () => new Date().toISOString();

export class ProgramStore {
  private readonly programs = new Map<string, Program>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly boms: BomStore,
    private readonly limits: ProgramLimits = DEFAULT_PROGRAM_LIMITS,
  ) {}

  list(): Program[] {
    return [...this.programs.values()];
  }

  get(id: string): Program | undefined {
    return this.programs.get(id.toLowerCase());
  }

  clear(): void {
    this.programs.clear();
  }

  create(input: ProgramCreateInput): Program {
    const at = now();
    const program: Program = {
      id: randomUUID(),
      org_id: EMULATOR_ORG_ID,
      name: input.name,
      description: input.description ?? null,
      metadata: input.metadata ?? {},
      created_at: at,
      updated_at: at,
      lines: [],
      overrides: [],
    };
    // All lines are checked before the program exists, so a bad one leaves nothing behind.
    for (const line of input.lines ?? []) this.addLine(program, line);
    this.keep(program);
    return program;
  }

  update(program: Program, changes: ProgramPatchInput): Program {
    Object.assign(program, changes, { updated_at: now() });
    this.keep(program);
    return program;
  }

  remove(program: Program): void {
    this.programs.delete(program.id);
  }

  /** A BOM built by the program; one line per BOM (change its quantity instead). */
  addLine(program: Program, input: ProgramLineCreateInput): ProgramLine {
    const bomId = this.knownBom(input.bom_id);
    if (program.lines.some((line) => line.bom_id === bomId)) {
      throw new ProgramRefusal("The BOM is already on this program: update its line instead.");
    }
    if (program.lines.length >= this.limits.maxLinesPerProgram) {
      throw new ProgramRefusal(`A program builds at most ${this.limits.maxLinesPerProgram} BOMs.`);
    }
    const at = now();
    const line: ProgramLine = {
      id: randomUUID(),
      program_id: program.id,
      bom_id: bomId,
      quantity: input.quantity,
      created_at: at,
      updated_at: at,
    };
    program.lines.push(line);
    this.touch(program);
    return line;
  }

  updateLine(program: Program, line: ProgramLine, changes: ProgramLinePatchInput): ProgramLine {
    if (changes.bom_id !== undefined) {
      const bomId = this.knownBom(changes.bom_id);
      if (program.lines.some((other) => other !== line && other.bom_id === bomId)) {
        throw new ProgramRefusal("The BOM is already on this program.");
      }
      line.bom_id = bomId;
    }
    if (changes.quantity !== undefined) line.quantity = changes.quantity;
    line.updated_at = now();
    this.touch(program);
    return line;
  }

  removeLine(program: Program, line: ProgramLine): void {
    program.lines = program.lines.filter((other) => other !== line);
    this.touch(program);
  }

  addOverride(program: Program, input: PartOverrideCreateInput): PartOverride {
    const part = this.part("part", input.part);
    const overridePart = this.part("override_part", input.override_part);
    const bomLineId = input.bom_line_id?.toLowerCase() ?? null;
    this.refuseDuplicate(program, part.id, bomLineId, null);
    if (program.overrides.length >= this.limits.maxOverridesPerProgram) {
      throw new ProgramRefusal(
        `A program holds at most ${this.limits.maxOverridesPerProgram} part overrides.`,
      );
    }
    const at = now();
    const override: PartOverride = {
      id: randomUUID(),
      program_id: program.id,
      part,
      override_part: overridePart,
      bom_line_id: bomLineId,
      created_at: at,
      updated_at: at,
    };
    program.overrides.push(override);
    this.touch(program);
    return override;
  }

  updateOverride(
    program: Program,
    override: PartOverride,
    changes: PartOverridePatchInput,
  ): PartOverride {
    const overridePart =
      changes.override_part === undefined
        ? override.override_part
        : this.part("override_part", changes.override_part);
    const bomLineId =
      changes.bom_line_id === undefined
        ? override.bom_line_id
        : (changes.bom_line_id?.toLowerCase() ?? null);
    this.refuseDuplicate(program, override.part.id, bomLineId, override);
    Object.assign(override, {
      override_part: overridePart,
      bom_line_id: bomLineId,
      updated_at: now(),
    });
    this.touch(program);
    return override;
  }

  removeOverride(program: Program, override: PartOverride): void {
    program.overrides = program.overrides.filter((other) => other !== override);
    this.touch(program);
  }

  private refuseDuplicate(
    program: Program,
    partId: string,
    bomLineId: string | null,
    except: PartOverride | null,
  ): void {
    const twin = program.overrides.find(
      (other) => other !== except && other.part.id === partId && other.bom_line_id === bomLineId,
    );
    if (twin) {
      throw new ProgramRefusal(
        bomLineId
          ? "This BOM line already has an override for that part."
          : "The program already overrides that part.",
      );
    }
  }

  private knownBom(bomId: string): string {
    const bom = this.boms.get(bomId);
    if (!bom) throw new ProgramRefusal(`No BOM with id ${bomId}.`);
    return bom.id;
  }

  private part(field: string, cpid: string): LinePart {
    const product = this.catalogue.get(cpid);
    if (!product) throw new UnknownProgramPartError(field, cpid);
    return {
      id: product.id,
      mpn: product.mpn,
      mfr: product.mfr,
      description: product.description,
    };
  }

  private touch(program: Program): void {
    program.updated_at = now();
    if (this.programs.has(program.id)) this.keep(program);
  }

  /** Stores `program` as the most recently written; the least recently written go past the cap. */
  private keep(program: Program): void {
    this.programs.delete(program.id);
    this.programs.set(program.id, program);
    for (const stored of this.programs.values()) {
      if (this.programs.size <= this.limits.maxPrograms || stored === program) return;
      this.programs.delete(stored.id);
    }
  }
}

/** A program line as the Platform shows it: with the BOM's name (null once the BOM is gone). */
export function programLineView(boms: BomStore, line: ProgramLine) {
  const bom = boms.get(line.bom_id);
  return { ...line, bom: bom ? { id: bom.id, name: bom.name, version: bom.version } : null };
}

export function programSummary(program: Program) {
  const { lines, overrides, ...header } = program;
  return { ...header, line_count: lines.length, part_override_count: overrides.length };
}

export function programDetail(boms: BomStore, program: Program) {
  return {
    ...programSummary(program),
    lines: program.lines.map((line) => programLineView(boms, line)),
  };
}
