/**
 * The contract between the add-in (task pane, custom functions, CLI) and the add-in server's
 * `/api`. Both sides import these types, so a change here is a change to both.
 */
import type { CreateRawBomLine, UpsertBomBody } from "./cofactr";

/** Most queries one `POST /api/parts/lookup` accepts. */
export const LOOKUP_MAX_QUERIES = 2000;

/**
 * How long the add-in waits for one /api request before it gives up. The server's own
 * deadline for a request (API_DEADLINE_MS) is kept below it, so that the user reads the
 * server's message ("Cofactr did not answer within 20 s") rather than a bare timeout.
 */
export const API_CLIENT_TIMEOUT_MS = 25_000;

/** Header carrying the gateway access token when the server holds Cofactr keys. */
export const GATEWAY_TOKEN_HEADER = "x-gateway-token";
/** Headers carrying a user's own Cofactr keys, forwarded per request (never stored). */
export const USER_KEY_HEADERS = {
  graphClientId: "x-cofactr-client-id",
  graphApiKey: "x-cofactr-api-key",
  platformApiKey: "x-cofactr-platform-key",
} as const;

export type ServerMode = "emulator" | "cofactr";

export interface HealthResponse {
  status: "ok";
  mode: ServerMode;
  /** Whether `/api` calls need a gateway token (server-held keys). */
  gateway_token_required?: boolean;
  version?: string;
}

/** Every `/api` error body. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    /** JSON path of the offending field, e.g. `lines[3].mpn`, for validation errors. */
    field?: string;
    /** Validation errors: every problem found, the first of which is `field`/`message`. */
    issues?: ApiFieldIssue[];
  };
}

export interface ApiFieldIssue {
  field: string;
  message: string;
}

export interface PartQuery {
  mpn: string;
  manufacturer?: string | null;
}

export interface LookupRequest {
  queries: PartQuery[];
  /** Ask Cofactr again instead of answering from the server's cache (the Refresh button). */
  refresh?: boolean;
}

/** Header carrying an admin token (ADMIN_TOKENS) for the operator's routes. */
export const ADMIN_TOKEN_HEADER = "x-admin-token";

/** `POST /api/cache/clear` (admin token): forgets the cached lookups (of the caller's keys). */
export interface CacheClearResponse {
  cleared: number;
}

/** One price break, in the seller's currency and converted. */
export interface PriceBreak {
  quantity: number;
  price: number;
  currency: string;
  converted_price: number;
  converted_currency: string;
}

export interface PartOffer {
  seller: string;
  seller_id: string;
  seller_aliases: string[];
  sku: string | null;
  authorized: boolean;
  stock: number;
  moq: number;
  order_multiple: number;
  packaging: string | null;
  /** Days: the factory lead time where known, else the seller's shipping lead. */
  lead_days: number | null;
  prices: PriceBreak[];
  updated_at: string | null;
}

export interface PartSpec {
  id: string;
  label: string;
  value: string;
}

/** A resolved part, flattened from the Knowledge Graph's product schemas. */
export interface Part {
  cpid: string;
  mpn: string;
  manufacturer: string;
  description: string | null;
  classification: string | null;
  lifecycle: string | null;
  package: string | null;
  datasheet: string | null;
  image: string | null;
  total_stock: number;
  min_lead_days: number | null;
  specs: PartSpec[];
  offers: PartOffer[];
}

export type LookupResult =
  | {
      status: "found";
      part: Part;
      /** ISO-8601: when the part's offers and stock were fetched from Cofactr (the add-in ages
       * its own cache from this, not from when it received the answer). */
      fetched_at?: string;
    }
  | { status: "not_found"; message: string; fetched_at?: string }
  | { status: "error"; message: string };

export interface LookupResponse {
  /** One result per query, in the order of the queries. */
  results: LookupResult[];
}

/** `PUT /api/boms`: the Upsert BOM Async body, passed through after validation, and optionally
 * the build quantity the BOM's program is for (kept in the BOM's metadata; see api-programs). */
export type UpsertBomRequest = UpsertBomBody & { build_quantity?: number };

export interface UpsertBomResponse {
  job_id: string;
}

export type JobState = "pending" | "running" | "success" | "failure";

/** `GET /api/jobs/{id}`: the async job, with Cofactr's status words mapped to four states. */
export interface JobStatusResponse {
  id: string;
  state: JobState;
  /** Cofactr's own status word, as received. */
  raw_status: string;
  bom_id: string | null;
  created: boolean | null;
  lines: number | null;
  unmatched_lines: number | null;
  error: string | null;
}

export interface BomLineMatch {
  cpid: string;
  mpn: string | null;
  manufacturer: string | null;
  description: string | null;
}

export interface BomLineView {
  id: string;
  line_number: string | null;
  mpn: string | null;
  manufacturer_name: string | null;
  quantity: number;
  reference_designators: string[];
  do_not_place: boolean;
  part: BomLineMatch | null;
  match_status: "matched" | "unmatched" | "custom";
}

/** A BOM's header, as the list shows it. */
export interface BomSummary {
  id: string;
  name: string;
  version: string | null;
  part_number: string | null;
  integration_record_id: string | null;
  /** An approved BOM refuses edits to its header and lines. */
  approved: boolean;
  /** Deleting an approved BOM archives it. */
  archived: boolean;
  line_count: number | null;
  created_at: string;
  updated_at: string;
}

/** `GET /api/boms/{id}` (also the answer of create, update and approve). */
export interface BomResponse extends BomSummary {
  lines: BomLineView[];
}

/** Most BOMs one page of `GET /api/boms` holds. */
export const BOM_LIST_MAX_LIMIT = 200;

/** `GET /api/boms?search=&limit=&offset=`: one page, newest first. */
export interface BomListResponse {
  boms: BomSummary[];
  /** Every BOM matching the search, when Cofactr says; null when it does not. */
  total: number | null;
  limit: number;
  offset: number;
}

/** `POST /api/boms`: a new BOM from raw lines; Cofactr matches them and sums lines that share
 * a part and refdes string. */
export interface CreateBomRequest {
  name: string;
  version?: string | null;
  part_number?: string | null;
  metadata?: Record<string, unknown>;
  lines: CreateRawBomLine[];
}

/** `PATCH /api/boms/{id}`: header fields only. */
export interface UpdateBomRequest {
  name?: string;
  version?: string | null;
  part_number?: string | null;
  metadata?: Record<string, unknown>;
}

/** `DELETE /api/boms/{id}`: Cofactr deletes an unapproved BOM and archives an approved one. */
export interface DeleteBomResponse {
  id: string;
  outcome: "deleted" | "archived";
}

/** `PATCH /api/boms/{id}/lines/{lineId}`. `part` is a CPID (null clears the match);
 * `is_custom_part: true` marks a line that is not a purchased part. */
export interface UpdateBomLineRequest {
  part?: string | null;
  is_custom_part?: boolean;
  quantity?: number;
  reference_designators?: string[];
  do_not_place?: boolean;
  mpn?: string | null;
  manufacturer_name?: string | null;
  description?: string | null;
  comments?: string | null;
  line_number?: string | null;
}

/** The answer of a line create or update. */
export interface BomLineChangeResponse {
  line: BomLineView;
  /** The id of the line that was summed into `line` and no longer exists, if any. */
  merged_line_id: string | null;
}

/** `GET /api/parts/search?q=&limit=`: Knowledge Graph candidates, best first. */
export interface PartSearchResponse {
  parts: Part[];
}

/** Most candidates one part search returns. */
export const PART_SEARCH_MAX_LIMIT = 20;
