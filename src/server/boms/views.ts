/** Platform job and BOM records, shaped into the /api responses (fields read defensively: the
 * Platform's response schemas are not published). */
import type {
  BomLineMatch,
  BomLineView,
  BomResponse,
  BomSummary,
  JobStatusResponse,
} from "../../core/api";
import { isRecord, type RawRecord } from "../upstream/platform-client";
import { jobStateOf } from "./job-status";

export function toJobStatus(jobId: string, job: RawRecord): JobStatusResponse {
  const rawStatus = text(job.status) ?? text(job.state) ?? "unknown";
  const result = isRecord(job.result) ? job.result : {};
  return {
    id: text(job.id) ?? jobId,
    state: jobStateOf(rawStatus),
    raw_status: rawStatus,
    bom_id: text(result.bom_id) ?? text(job.bom_id) ?? null,
    created: typeof result.created === "boolean" ? result.created : null,
    lines: count(result.lines),
    unmatched_lines: count(result.unmatched_lines),
    error: errorText(job.error),
  };
}

export function toBomSummary(bom: RawRecord): BomSummary {
  return {
    id: text(bom.id) ?? "",
    name: text(bom.name) ?? "",
    version: text(bom.version),
    part_number: text(bom.part_number),
    integration_record_id: text(bom.integration_record_id),
    approved: bom.approved === true,
    archived: bom.archived === true,
    line_count: count(bom.line_count),
    created_at: text(bom.created_at) ?? "",
    updated_at: text(bom.updated_at) ?? text(bom.created_at) ?? "",
  };
}

export function toBomResponse(bom: RawRecord, lines: RawRecord[]): BomResponse {
  return { ...toBomSummary(bom), line_count: lines.length, lines: lines.map(toLineView) };
}

export function toLineView(line: RawRecord): BomLineView {
  const part = toMatch(line.part);
  const refs = Array.isArray(line.reference_designators)
    ? line.reference_designators.filter((ref): ref is string => typeof ref === "string")
    : (text(line.reference_designators_string) ?? "").split(/[\s,;]+/).filter((ref) => ref !== "");
  const declared = line.match_status;
  const matchStatus =
    declared === "matched" || declared === "unmatched" || declared === "custom"
      ? declared
      : line.is_custom_part === true
        ? "custom"
        : part
          ? "matched"
          : "unmatched";
  return {
    id: text(line.id) ?? "",
    line_number:
      text(line.line_number) ??
      (typeof line.line_number === "number" ? String(line.line_number) : null),
    mpn: text(line.mpn),
    manufacturer_name: text(line.manufacturer_name),
    quantity: typeof line.quantity === "number" ? line.quantity : 0,
    reference_designators: refs,
    do_not_place: line.do_not_place === true,
    part,
    match_status: matchStatus,
  };
}

function toMatch(part: unknown): BomLineMatch | null {
  if (typeof part === "string" && part !== "") {
    return { cpid: part, mpn: null, manufacturer: null, description: null };
  }
  if (!isRecord(part)) return null;
  const cpid = text(part.id) ?? text(part.cpid);
  if (!cpid) return null;
  return {
    cpid,
    mpn: text(part.mpn),
    manufacturer: text(part.mfr) ?? text(part.manufacturer),
    description: text(part.description),
  };
}

function text(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function count(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A job's error as text, whatever form Cofactr gave it in. */
export function errorText(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return value;
  if (isRecord(value) && typeof value.message === "string") return value.message;
  return JSON.stringify(value);
}
