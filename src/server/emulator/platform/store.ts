/** In-memory BOMs of the emulated Platform API, and the upsert rule for async BOM jobs. */
import { randomUUID } from "node:crypto";
import type { Catalogue } from "../catalogue";
import { buildLines, type BomLine } from "./matching";
import type { BomPatchInput, ParseRawBomInput, RawLineInput, UpsertBomInput } from "./schemas";

/** The one org every emulator key belongs to. */
export const EMULATOR_ORG_ID = "5d0f6a3e-9c1b-4f7e-8a2d-3b6c9e1f4a70";

export interface Bom {
  id: string;
  org_id: string;
  name: string;
  version: string | null;
  part_number: string | null;
  data_source: string | null;
  approved: boolean;
  archived: boolean;
  metadata: Record<string, unknown>;
  synced_from_integration: boolean;
  integration_source_name: string | null;
  integration_record_id: string | null;
  synced_from_integration_at: string | null;
  created_at: string;
  updated_at: string;
  lines: BomLine[];
}

/** How much the store may hold: the emulator runs inside `npm start` for days. */
export interface StoreLimits {
  maxBoms: number;
  /** Lines across all BOMs (an uploaded 5 MB BOM has some 30,000). */
  maxLines: number;
}

export const DEFAULT_STORE_LIMITS: StoreLimits = { maxBoms: 500, maxLines: 100_000 };

export interface UpsertOutcome {
  bom: Bom;
  created: boolean;
}

export class BomStore {
  private readonly boms = new Map<string, Bom>();

  constructor(
    private readonly catalogue: Catalogue,
    private readonly limits: StoreLimits = DEFAULT_STORE_LIMITS,
  ) {}

  list(): Bom[] {
    return [...this.boms.values()];
  }

  get(id: string): Bom | undefined {
    return this.boms.get(id.toLowerCase());
  }

  clear(): void {
    this.boms.clear();
  }

  /** PATCH: header fields only; lines are changed through their own routes. */
  update(bom: Bom, changes: BomPatchInput, flags: { approved?: boolean } = {}): Bom {
    Object.assign(bom, changes, flags, { updated_at: new Date().toISOString() });
    return bom;
  }

  /** DELETE: an unapproved BOM goes away, an approved one is archived. */
  remove(bom: Bom): "deleted" | "archived" {
    if (!bom.approved) {
      this.boms.delete(bom.id);
      return "deleted";
    }
    bom.archived = true;
    bom.updated_at = new Date().toISOString();
    return "archived";
  }

  /** One raw line: matched, then summed into a line with the same part and refdes string. */
  addRawLine(bom: Bom, input: RawLineInput): BomLine {
    const [line] = buildLines(this.catalogue, bom.id, [input]);
    if (!line) throw new Error("buildLines returned no line");
    const twin = line.part
      ? bom.lines.find(
          (existing) =>
            existing.part?.id === line.part?.id &&
            existing.reference_designators_string === line.reference_designators_string,
        )
      : undefined;
    bom.updated_at = new Date().toISOString();
    if (twin) {
      twin.quantity += line.quantity;
      return twin;
    }
    bom.lines.push(line);
    return line;
  }

  /** parse_raw_bom: always a new BOM. */
  createFromRaw(input: ParseRawBomInput): Bom {
    const now = new Date().toISOString();
    const id = randomUUID();
    const bom: Bom = {
      id,
      org_id: EMULATOR_ORG_ID,
      name: input.name,
      version: input.version ?? null,
      part_number: input.part_number ?? null,
      data_source: input.data_source ?? null,
      approved: input.approved ?? false,
      archived: false,
      metadata: input.metadata ?? {},
      synced_from_integration: input.synced_from_integration ?? false,
      integration_source_name: input.integration_source_name ?? null,
      integration_record_id: input.integration_record_id ?? null,
      synced_from_integration_at: input.synced_from_integration_at ?? null,
      created_at: now,
      updated_at: now,
      lines: buildLines(this.catalogue, id, input.raw_lines ?? []),
    };
    this.keep(bom);
    return bom;
  }

  /**
   * The BOM an upsert updates: same integration_record_id (and integration_source_name when
   * given), else same (name, version).
   */
  findUpsertTarget(input: UpsertBomInput): Bom | undefined {
    const all = this.list();
    if (input.integration_record_id) {
      const byRecord = all.find(
        (bom) =>
          bom.integration_record_id === input.integration_record_id &&
          (!input.integration_source_name ||
            bom.integration_source_name === input.integration_source_name),
      );
      if (byRecord) return byRecord;
    }
    const version = input.version ?? null;
    return all.find((bom) => bom.name === input.name && bom.version === version);
  }

  /** Runs an upsert: the job's work. Lines are replaced, never appended. */
  upsert(input: UpsertBomInput): UpsertOutcome {
    const now = new Date().toISOString();
    const existing = this.findUpsertTarget(input);
    const id = existing?.id ?? randomUUID();
    const header = {
      name: input.name,
      version: input.version ?? null,
      part_number: input.part_number ?? existing?.part_number ?? null,
      approved: input.approved ?? existing?.approved ?? false,
      metadata: input.metadata ?? existing?.metadata ?? {},
      synced_from_integration: input.synced_from_integration ?? true,
      integration_source_name:
        input.integration_source_name ?? existing?.integration_source_name ?? null,
      integration_record_id: input.integration_record_id ?? existing?.integration_record_id ?? null,
      synced_from_integration_at: input.synced_from_integration_at ?? now,
    };
    const lines = buildLines(this.catalogue, id, input.lines ?? []);
    if (existing) {
      Object.assign(existing, header, { lines, updated_at: now });
      this.keep(existing);
      return { bom: existing, created: false };
    }
    const bom: Bom = {
      id,
      org_id: EMULATOR_ORG_ID,
      data_source: null,
      archived: false,
      created_at: now,
      updated_at: now,
      ...header,
      lines,
    };
    this.keep(bom);
    return { bom, created: true };
  }

  /**
   * Stores `bom` as the most recently written, then forgets the least recently written others
   * while the store is over its limits.
   */
  private keep(bom: Bom): void {
    this.boms.delete(bom.id);
    this.boms.set(bom.id, bom);
    let lines = 0;
    for (const stored of this.boms.values()) lines += stored.lines.length;
    for (const stored of this.boms.values()) {
      if (this.boms.size <= this.limits.maxBoms && lines <= this.limits.maxLines) return;
      if (stored === bom) return;
      this.boms.delete(stored.id);
      lines -= stored.lines.length;
    }
  }
}

/** The list form of a BOM: header and line count, no lines. */
export function bomSummary(bom: Bom): Omit<Bom, "lines"> & { line_count: number } {
  const { lines, ...header } = bom;
  return { ...header, line_count: lines.length };
}

export function bomDetail(bom: Bom): Bom & { line_count: number } {
  return { ...bom, line_count: bom.lines.length };
}
