/** Turns any error of an upload into what the user reads: what happened and what to do next. */
import { WorkbookError } from "../../excel/workbook-access";
import { ApiRequestError } from "../api-client";
import type { UploadEvent, UploadFailure } from "./upload-machine";

/** "lines[3].mpn" → "line 4 (sheet row 12), mpn", using the rows the lines came from. */
export function describeField(field: string, lineRows: readonly number[]): string {
  const match = /^lines\[(\d+)\]\.?(.*)$/.exec(field);
  if (!match) return field;
  const index = Number(match[1]);
  const row = lineRows[index];
  const where = row === undefined ? `line ${index + 1}` : `line ${index + 1} (sheet row ${row})`;
  return match[2] ? `${where}, ${match[2]}` : where;
}

function failure(
  kind: UploadFailure["kind"],
  message: string,
  nextStep: string,
): Extract<UploadEvent, { type: "failed" }> {
  return { type: "failed", failure: { kind, message, nextStep } };
}

export function describeFailure(
  error: unknown,
  lineRows: readonly number[] = [],
): Extract<UploadEvent, { type: "failed" }> {
  if (error instanceof WorkbookError) {
    return failure("workbook", error.message, "Fix the sheet as described, then try again.");
  }
  if (error instanceof ApiRequestError) {
    const { status } = error;
    if (status === 0) {
      return failure(
        "network",
        "The add-in server could not be reached.",
        "Check your network connection and that the add-in server is running, then try again.",
      );
    }
    if (status === 401 || status === 403) {
      return failure(
        "auth",
        `The connection was refused: ${error.message}`,
        "Open Connection, check your Cofactr keys or gateway token, and test the connection.",
      );
    }
    if (status === 400 || status === 422) {
      const first = error.issues[0];
      const where = error.field ? ` (${describeField(error.field, lineRows)})` : "";
      const more = error.issues.length > 1 ? ` ${error.issues.length - 1} more problems too.` : "";
      return failure(
        "rejected",
        `Cofactr rejected the BOM: ${first?.message ?? error.message}${where}.${more}`,
        "Fix that cell on the sheet, then upload again.",
      );
    }
    if (status === 404) {
      return failure(
        "job",
        "Cofactr no longer knows this upload.",
        "Upload the BOM again; it updates the same BOM in Cofactr.",
      );
    }
    if (status === 413) {
      return failure(
        "rejected",
        "The BOM is too large to send in one upload.",
        "Split the BOM into smaller sheets and upload each.",
      );
    }
    if (status === 429) {
      return failure(
        "network",
        "Cofactr is limiting how many requests it accepts right now.",
        "Wait a minute, then try again.",
      );
    }
    if (status >= 500) {
      return failure(
        "network",
        `Cofactr is not available right now (${status}: ${error.message}).`,
        "Try again in a few minutes.",
      );
    }
    return failure(
      "unexpected",
      error.message,
      "Try again; if it keeps happening, reload the pane.",
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return failure(
    "unexpected",
    `Something unexpected went wrong: ${message}`,
    "Try again; if it keeps happening, reload the pane.",
  );
}
