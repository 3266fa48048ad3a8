/**
 * The BOM sheet the pane works on: read, mapped (with the user's overrides) and its details;
 * or, for a BOM pasted as text into one column, its split into columns.
 */
import * as React from "react";
import { splitPastedColumn, type PastedColumnSplit } from "../../../core/bom/files";
import type { BomField, BomReadResult } from "../../../core/bom/types";
import type { BomDetails, WorkbookAccess } from "../../excel/workbook-access";
import { splitPastedSheet } from "../../runtime/bom/split-pasted-sheet";
import {
  defaultDetails,
  loadBomSheet,
  readRegion,
  type BomSheet,
  type MappingOverrides,
} from "../../runtime/bom/load-bom-sheet";

export type BomSheetState =
  | { status: "loading" }
  | { status: "empty" }
  | { status: "error"; message: string }
  | {
      status: "ready";
      sheet: BomSheet;
      read: BomReadResult;
      /** Set when the sheet is one column of pasted text that splits into columns. */
      split: PastedColumnSplit | null;
    };

/** The last "Split into columns": the pasted sheet and the new sheet it wrote. */
export interface SplitDone {
  from: string;
  to: string;
}

export interface BomSheetModel {
  state: BomSheetState;
  details: BomDetails | null;
  overrides: MappingOverrides;
  reload(): Promise<BomSheet | null>;
  setOverride(field: BomField, column: number | null): void;
  setDetails(patch: Partial<BomDetails>): void;
  /** Writes the pasted text's split to a new sheet, then reads that sheet. */
  splitIntoColumns(): Promise<void>;
  splitDone: SplitDone | null;
}

export function useBomSheet(workbook: WorkbookAccess): BomSheetModel {
  const [sheet, setSheet] = React.useState<BomSheet | null>(null);
  const [status, setStatus] = React.useState<"loading" | "empty" | "error" | "ready">("loading");
  const [error, setError] = React.useState("");
  const [overrides, setOverrides] = React.useState<MappingOverrides>({});
  const [details, setDetailsState] = React.useState<BomDetails | null>(null);

  const reload = React.useCallback(async () => {
    setStatus("loading");
    try {
      const loaded = await loadBomSheet(workbook);
      setSheet(loaded);
      setOverrides({});
      setDetailsState(loaded ? defaultDetails(loaded.region.sheetName, loaded.settings) : null);
      setStatus(loaded ? "ready" : "empty");
      return loaded;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setStatus("error");
      return null;
    }
  }, [workbook]);

  React.useEffect(() => {
    void reload();
  }, [reload]);

  const read = React.useMemo(
    () => (sheet ? readRegion(sheet, overrides) : null),
    [sheet, overrides],
  );

  // Nothing is written until the user asks: this only finds the case and its split.
  const split = React.useMemo(
    () => (sheet ? splitPastedColumn(sheet.region.values) : null),
    [sheet],
  );
  const [splitDone, setSplitDone] = React.useState<SplitDone | null>(null);

  const splitIntoColumns = React.useCallback(async () => {
    if (!sheet || !split) return;
    const from = sheet.region.sheetName;
    const written = await splitPastedSheet(workbook, from, split);
    setSplitDone({ from, to: written.sheetName });
    await reload();
  }, [workbook, sheet, split, reload]);

  const setOverride = React.useCallback((field: BomField, column: number | null) => {
    setOverrides((current) => ({ ...current, [field]: column }));
  }, []);

  const setDetails = React.useCallback((patch: Partial<BomDetails>) => {
    setDetailsState((current) => (current ? { ...current, ...patch } : current));
  }, []);

  let state: BomSheetState;
  if (status === "ready" && sheet && read) state = { status, sheet, read, split };
  else if (status === "error") state = { status, message: error };
  else if (status === "empty") state = { status };
  else state = { status: "loading" };

  return {
    state,
    details,
    overrides,
    reload,
    setOverride,
    setDetails,
    splitIntoColumns,
    splitDone,
  };
}
