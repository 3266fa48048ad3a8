/** The pane's client for the BOM library routes of /api (list, read, line edits, approve). */
import type {
  BomLineChangeResponse,
  BomListResponse,
  BomResponse,
  LookupResponse,
  PartSearchResponse,
} from "../../../core/api";
import type { ApiCall } from "../api-client";
import type { BomLibraryApi } from "./bom-session";

const bomPath = (id: string) => `/api/boms/${encodeURIComponent(id)}`;

export function createBomLibraryApi(call: ApiCall): BomLibraryApi {
  return {
    listBoms: (search, signal) => {
      const query = new URLSearchParams({ limit: "50" });
      if (search) query.set("search", search);
      return call<BomListResponse>("GET", `/api/boms?${query.toString()}`, undefined, signal);
    },
    bom: (id, signal) => call<BomResponse>("GET", bomPath(id), undefined, signal),
    searchParts: (text, limit, signal) => {
      const query = new URLSearchParams({ q: text, limit: String(limit) });
      return call<PartSearchResponse>(
        "GET",
        `/api/parts/search?${query.toString()}`,
        undefined,
        signal,
      );
    },
    updateLine: (bomId, lineId, changes) =>
      call<BomLineChangeResponse>(
        "PATCH",
        `${bomPath(bomId)}/lines/${encodeURIComponent(lineId)}`,
        changes,
      ),
    approveBom: (bomId) => call<BomResponse>("POST", `${bomPath(bomId)}/approve`, {}),
    lookup: (request, signal) => call<LookupResponse>("POST", "/api/parts/lookup", request, signal),
  };
}
