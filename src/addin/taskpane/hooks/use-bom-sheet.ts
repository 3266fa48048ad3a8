/** The BOM sheet the pane works on: read, mapped (with the user's overrides) and its details. */
import * as React from "react";
import type { BomField, BomReadResult } from "../../../core/bom/types";
import type { BomDetails, WorkbookAccess } from "../../excel/workbook-access";
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
  | { status: "ready"; sheet: BomSheet; read: BomReadResult };

export interface BomSheetModel {
  state: BomSheetState;
  details: BomDetails | null;
  overrides: MappingOverrides;
  reload(): Promise<BomSheet | null>;
  setOverride(field: BomField, column: number | null): void;
  setDetails(patch: Partial<BomDetails>): void;
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

  const setOverride = React.useCallback((field: BomField, column: number | null) => {
    setOverrides((current) => ({ ...current, [field]: column }));
  }, []);

  const setDetails = React.useCallback((patch: Partial<BomDetails>) => {
    setDetailsState((current) => (current ? { ...current, ...patch } : current));
  }, []);

  let state: BomSheetState;
  if (status === "ready" && sheet && read) state = { status, sheet, read };
  else if (status === "error") state = { status, message: error };
  else if (status === "empty") state = { status };
  else state = { status: "loading" };

  return { state, details, overrides, reload, setOverride, setDetails };
}
