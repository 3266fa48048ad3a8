/**
 * The Plan tab's action: the mapped BOM sheet's lines, their parts looked up through the shared
 * lookup service (batched and cached like the COFACTR functions), the sourcing engine, and the
 * plan written to its sheet. Bad input stops it before any lookup, with a message naming what to
 * fix.
 */
import type { BomReadResult } from "../../../core/bom/types";
import { queryKey } from "../../../core/query-key";
import {
  bomHealth,
  planInputs,
  planQueries,
  planSourcing,
  type PartAnswer,
  type PlanReport,
} from "../../../core/sourcing";
import type { PlanWritten } from "../../excel/plan-sheet";
import type { WorkbookAccess } from "../../excel/workbook-access";
import type { BomSheet } from "../bom/load-bom-sheet";
import type { LookupService } from "../lookup/lookup-service";
import { buildPlanBlock } from "./plan-block";
import { readPlanForm, type PlanForm, type PlanFormProblem } from "./plan-form";

/** Why a plan was not made: what to fix, and the form field when it is one. */
export class PlanInputError extends Error {
  constructor(
    message: string,
    readonly problems: PlanFormProblem[] = [],
  ) {
    super(message);
    this.name = "PlanInputError";
  }
}

export interface PlanDeps {
  workbook: WorkbookAccess;
  lookups: LookupService;
  now?: () => Date;
}

export interface PlanRequest {
  /** The BOM sheet as the BOM tab read it (null when none was read). */
  sheet: BomSheet | null;
  read: BomReadResult | null;
  form: PlanForm;
}

export interface PlanOutcome {
  report: PlanReport;
  written: PlanWritten;
}

export type PlanProgress = { stage: "lookup"; done: number; total: number } | { stage: "write" };

/** Rows listed in a message at most; the rest are counted. */
const ROWS_LISTED = 5;

function rowList(rows: number[]): string {
  const listed = rows.slice(0, ROWS_LISTED).join(", ");
  return rows.length > ROWS_LISTED ? `${listed} and ${rows.length - ROWS_LISTED} more` : listed;
}

/** The lines to plan, or why they cannot be. */
function checkBom(sheet: BomSheet | null, read: BomReadResult | null): BomReadResult {
  if (!sheet || !read) {
    throw new PlanInputError(
      "No BOM sheet is read: open the sheet with your BOM, then Re-read it on the BOM tab.",
    );
  }
  const { fields } = read.mapping;
  if (fields.mpn.column === null) {
    throw new PlanInputError(
      `No column of ${sheet.region.sheetName} is mapped to MPN: choose it on the BOM tab (the plan looks parts up by MPN).`,
    );
  }
  if (read.lines.length === 0) {
    throw new PlanInputError(`${sheet.region.sheetName} has no BOM lines below its header.`);
  }
  if (fields.quantity.column === null && fields.reference_designators.column === null) {
    throw new PlanInputError(
      `No column of ${sheet.region.sheetName} is mapped to Quantity, nor to designators to count: choose the Quantity column on the BOM tab.`,
    );
  }
  // A quantity the BOM tab could not read is not guessed for a purchase.
  const unreadable = read.issues.filter(
    (issue) => issue.field === "quantity" && issue.severity === "error",
  );
  if (unreadable.length > 0) {
    const first = unreadable[0] as (typeof unreadable)[number];
    throw new PlanInputError(
      `Rows ${rowList(unreadable.map((issue) => issue.row))} of ${sheet.region.sheetName} have no quantity the plan can use (row ${first.row}: ${first.message}). Fix them and Re-read.`,
    );
  }
  return read;
}

export async function runPlan(
  deps: PlanDeps,
  request: PlanRequest,
  onProgress: (progress: PlanProgress) => void = () => undefined,
): Promise<PlanOutcome> {
  const form = readPlanForm(request.form);
  if (!form.ok) {
    throw new PlanInputError(
      form.problems.map((problem) => problem.message).join(" "),
      form.problems,
    );
  }
  const read = checkBom(request.sheet, request.read);
  const sheetName = (request.sheet as BomSheet).region.sheetName;

  const distinct = new Map(planQueries(read.lines).map((query) => [queryKey(query), query]));
  const total = distinct.size;
  let done = 0;
  onProgress({ stage: "lookup", done, total });
  const answers = new Map<string, PartAnswer>();
  await Promise.all(
    [...distinct].map(async ([key, query]) => {
      const answer = await deps.lookups.find(query, "market");
      answers.set(key, answer);
      done += 1;
      onProgress({ stage: "lookup", done, total });
    }),
  );
  const failed = [...answers.values()].filter((answer) => answer.status === "error");
  if (total > 0 && failed.length === total) {
    const first = failed[0] as { message: string };
    throw new Error(`No part could be looked up, so nothing was planned. ${first.message}`);
  }

  const { inputs, sourcing } = planInputs(read.lines, read.lineRows, answers);
  let plan;
  try {
    plan = planSourcing(sourcing, form.options);
  } catch (error) {
    if (error instanceof RangeError) throw new PlanInputError(error.message);
    throw error;
  }
  const report: PlanReport = {
    currency: form.options.currency,
    lines: inputs,
    plan,
    health: bomHealth(plan),
  };
  onProgress({ stage: "write" });
  const written = await deps.workbook.writePlan(
    buildPlanBlock(report, {
      bomSheetName: sheetName,
      options: form.options,
      plannedAt: (deps.now ?? (() => new Date()))(),
    }),
  );
  return { report, written };
}
