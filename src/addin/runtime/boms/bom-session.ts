/**
 * An opened Cofactr BOM and what the pane does with it: write it into a new sheet linked to the
 * BOM (a later upload of that sheet updates the same BOM), change a line in Cofactr and show the
 * change in the sheet, check and approve. Every change is confirmed by the user before it is
 * called here, and each returns the activity-log line that describes it.
 */
import type {
  BomLineView,
  BomListResponse,
  BomLineChangeResponse,
  BomResponse,
  LookupRequest,
  LookupResponse,
  PartSearchResponse,
  UpdateBomLineRequest,
} from "../../../core/api";
import { bomCounts } from "../../../core/bom-table";
import type { WorkbookAccess } from "../../excel/workbook-access";
import type { BomTableRewrite } from "../../excel/bom-table-rewrite";
import {
  OPENED_BOM_TABLE_ROW,
  STATUS_CELL,
  openedBomBlock,
  openedBomRows,
  statusLabel,
} from "./bom-sheet-block";

/** The /api calls an opened BOM needs. */
export interface BomLibraryApi {
  listBoms(search: string, signal?: AbortSignal): Promise<BomListResponse>;
  bom(id: string, signal?: AbortSignal): Promise<BomResponse>;
  searchParts(query: string, limit: number, signal?: AbortSignal): Promise<PartSearchResponse>;
  updateLine(
    bomId: string,
    lineId: string,
    changes: UpdateBomLineRequest,
  ): Promise<BomLineChangeResponse>;
  approveBom(bomId: string): Promise<BomResponse>;
  lookup(request: LookupRequest, signal?: AbortSignal): Promise<LookupResponse>;
}

export interface OpenedBom {
  bom: BomResponse;
  sheetName: string;
  tableName: string;
}

export interface BomSessionDeps {
  api: BomLibraryApi;
  workbook: WorkbookAccess;
  rewrite: (rewrite: BomTableRewrite) => Promise<void>;
}

/** Lifecycle words a buyer treats as a risk before approving. */
const LIFECYCLE_RISKS = new Set(["nrfnd", "eol", "obsolete"]);

/** Excel sheet names: ≤31 characters, none of : \ / ? * [ ] */
export function sheetBaseName(bomName: string): string {
  const cleaned = bomName
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return (cleaned || "Cofactr BOM").slice(0, 28).trim();
}

export async function openBom(deps: BomSessionDeps, bomId: string): Promise<OpenedBom> {
  const bom = await deps.api.bom(bomId);
  const written = await deps.workbook.writeResults(
    { kind: "newSheet", baseName: sheetBaseName(bom.name), tableRow: OPENED_BOM_TABLE_ROW },
    () => openedBomBlock(bom),
  );
  // Linked like an uploaded sheet: the same BOM id, record id and details.
  await deps.workbook.saveSettings(written.sheetName, {
    bomId: bom.id,
    ...(bom.integration_record_id ? { integrationRecordId: bom.integration_record_id } : {}),
    details: {
      name: bom.name,
      version: bom.version ?? "",
      partNumber: bom.part_number ?? "",
      buildQuantity: 1,
    },
  });
  return { bom, sheetName: written.sheetName, tableName: written.tableName };
}

async function showInSheet(deps: BomSessionDeps, opened: OpenedBom, bom: BomResponse) {
  await deps.rewrite({
    sheetName: opened.sheetName,
    tableName: opened.tableName,
    rows: openedBomRows(bom, OPENED_BOM_TABLE_ROW + 1),
    status: { ...STATUS_CELL, value: statusLabel(bom) },
  });
}

function lineLabel(line: BomLineView): string {
  const refs = line.reference_designators.join(", ");
  const name = line.mpn ?? line.part?.mpn ?? "(no MPN)";
  return `Line ${line.line_number ?? "?"} (${refs ? `${refs}, ` : ""}${name})`;
}

/** Changes a line in Cofactr, then rewrites the sheet from the BOM as Cofactr now holds it. */
export async function changeLine(
  deps: BomSessionDeps,
  opened: OpenedBom,
  line: BomLineView,
  changes: UpdateBomLineRequest,
): Promise<{ opened: OpenedBom; activity: string }> {
  const answer = await deps.api.updateLine(opened.bom.id, line.id, changes);
  const bom = await deps.api.bom(opened.bom.id);
  await showInSheet(deps, opened, bom);
  const part = answer.line.part;
  let activity =
    changes.is_custom_part === true
      ? `${lineLabel(line)} marked not a purchased part`
      : `${lineLabel(line)} set to ${part?.mpn ?? "?"} by ${part?.manufacturer ?? "?"} (${part?.cpid ?? "?"})`;
  if (answer.merged_line_id) {
    activity += `; summed into line ${answer.line.line_number ?? "?"}, now quantity ${answer.line.quantity}`;
  }
  return { opened: { ...opened, bom }, activity };
}

export interface ApprovalChecks {
  unmatched: BomLineView[];
  dnp: number;
  /** Matched lines whose part is NRFND, EOL or obsolete, with the lifecycle. */
  lifecycleRisks: { line: BomLineView; lifecycle: string }[];
  /** Set when lifecycles could not be checked (the approval may still go ahead). */
  lifecycleError: string | null;
}

export async function approvalChecks(
  api: BomLibraryApi,
  bom: BomResponse,
): Promise<ApprovalChecks> {
  const matched = bom.lines.filter((line) => line.part !== null);
  const checks: ApprovalChecks = {
    unmatched: bom.lines.filter((line) => line.match_status === "unmatched"),
    dnp: bomCounts(bom).dnp,
    lifecycleRisks: [],
    lifecycleError: null,
  };
  if (matched.length === 0) return checks;
  try {
    const { results } = await api.lookup({
      queries: matched.map((line) => ({
        mpn: line.part?.mpn ?? line.mpn ?? "",
        manufacturer: line.part?.manufacturer ?? line.manufacturer_name,
      })),
    });
    results.forEach((result, index) => {
      const line = matched[index];
      const lifecycle = result.status === "found" ? result.part.lifecycle : null;
      if (line && lifecycle && LIFECYCLE_RISKS.has(lifecycle.toLowerCase())) {
        checks.lifecycleRisks.push({ line, lifecycle });
      }
    });
  } catch (error) {
    checks.lifecycleError = error instanceof Error ? error.message : String(error);
  }
  return checks;
}

export async function approve(
  deps: BomSessionDeps,
  opened: OpenedBom,
): Promise<{ opened: OpenedBom; activity: string }> {
  const bom = await deps.api.approveBom(opened.bom.id);
  await showInSheet(deps, opened, bom);
  const counts = bomCounts(bom);
  return {
    opened: { ...opened, bom },
    activity: `BOM approved (${counts.lines} lines, ${counts.unmatched} unmatched)`,
  };
}
