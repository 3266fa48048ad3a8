/** The pane's client for the BOM library routes of /api (list, read, line edits, approve). */
import type { ApiCall } from "../api-client";
import {
  bomLineChangeResponseSchema,
  bomListResponseSchema,
  bomResponseSchema,
  lookupResponseSchema,
  partSearchResponseSchema,
} from "../../../core/api-schemas";
import type { BomLibraryApi } from "./bom-session";

const bomPath = (id: string) => `/api/boms/${encodeURIComponent(id)}`;

export function createBomLibraryApi(call: ApiCall): BomLibraryApi {
  return {
    listBoms: (search, signal) => {
      const query = new URLSearchParams({ limit: "50" });
      if (search) query.set("search", search);
      return call("GET", `/api/boms?${query.toString()}`, bomListResponseSchema, undefined, signal);
    },
    bom: (id, signal) => call("GET", bomPath(id), bomResponseSchema, undefined, signal),
    searchParts: (text, limit, signal) => {
      const query = new URLSearchParams({ q: text, limit: String(limit) });
      return call(
        "GET",
        `/api/parts/search?${query.toString()}`,
        partSearchResponseSchema,
        undefined,
        signal,
      );
    },
    updateLine: (bomId, lineId, changes) =>
      call(
        "PATCH",
        `${bomPath(bomId)}/lines/${encodeURIComponent(lineId)}`,
        bomLineChangeResponseSchema,
        changes,
      ),
    approveBom: (bomId) => call("POST", `${bomPath(bomId)}/approve`, bomResponseSchema, {}),
    lookup: (request, signal) =>
      call("POST", "/api/parts/lookup", lookupResponseSchema, request, signal),
  };
}
