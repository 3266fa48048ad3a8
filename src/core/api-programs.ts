/**
 * The /api contract for Cofactr Programs: what the add-in server answers and takes (a program
 * builds BOMs, each program line being a BOM and its number of boards). Cofactr's own shapes
 * are read in cofactr-programs.ts; these stay the same when those change.
 */
import type { JobState } from "./api";

/** Most programs one page of `GET /api/programs` holds. */
export const PROGRAM_LIST_MAX_LIMIT = 200;
/** The BOM metadata key holding the build quantity it was uploaded for. */
export const BOM_BUILD_QUANTITY_KEY = "build_quantity";
/** Most boards one program line may build. */
export const PROGRAM_MAX_BUILD_QUANTITY = 10_000_000;

export interface ProgramLineView {
  id: string;
  program_id: string;
  bom_id: string;
  /** The BOM's name, when Cofactr says (null once the BOM is gone). */
  bom_name: string | null;
  /** Boards of the BOM the program builds. */
  quantity: number;
  updated_at: string | null;
}

export interface ProgramSummary {
  id: string;
  name: string;
  description: string | null;
  line_count: number | null;
  created_at: string;
  updated_at: string;
}

/** `GET /api/programs/{id}` (also the answer of create and update). */
export interface ProgramResponse extends ProgramSummary {
  lines: ProgramLineView[];
}

/** `GET /api/programs?search=&limit=&offset=`: one page, newest first. */
export interface ProgramListResponse {
  programs: ProgramSummary[];
  total: number | null;
  limit: number;
  offset: number;
}

/** The answer of a program, line or part override DELETE. */
export interface DeletedResponse {
  id: string;
  deleted: true;
}

export interface ProgramLineRequest {
  bom_id: string;
  quantity: number;
}

/** `POST /api/programs`. */
export interface CreateProgramRequest {
  name: string;
  description?: string | null;
  lines?: ProgramLineRequest[];
}

/** `PATCH /api/programs/{id}`. */
export interface UpdateProgramRequest {
  name?: string;
  description?: string | null;
}

/** `PATCH /api/programs/{id}/lines/{lineId}`. */
export interface UpdateProgramLineRequest {
  bom_id?: string;
  quantity?: number;
}

/** `GET /api/programs/{id}/lines`. */
export interface ProgramLinesResponse {
  lines: ProgramLineView[];
}

export interface ProgramPart {
  cpid: string;
  mpn: string | null;
  manufacturer: string | null;
  description: string | null;
  lifecycle: string | null;
}

/** A program-level choice of part: `override_part` is bought wherever the BOMs ask for `part`
 * (on every line, or only on `bom_line_id`). */
export interface PartOverrideView {
  id: string;
  program_id: string;
  part: ProgramPart;
  override_part: ProgramPart;
  bom_line_id: string | null;
  updated_at: string | null;
}

/** `POST /api/programs/{id}/part-overrides`: CPIDs. */
export interface CreatePartOverrideRequest {
  part: string;
  override_part: string;
  bom_line_id?: string | null;
}

export interface UpdatePartOverrideRequest {
  override_part?: string;
  bom_line_id?: string | null;
}

export interface PartOverridesResponse {
  overrides: PartOverrideView[];
}

export type AvailabilityStatus = "available" | "partial" | "unavailable";

/** One seller's offer toward a part's required quantity. */
export interface ProgramOfferAvailability {
  seller: string;
  seller_id: string;
  sku: string | null;
  authorized: boolean;
  stock: number;
  moq: number;
  order_multiple: number;
  /** What one order toward the required quantity buys (MOQ and multiple applied). */
  buy_quantity: number;
  unit_price: number | null;
  extended_price: number | null;
  currency: string | null;
  lead_days: number | null;
  /** Whether this offer's stock covers the whole order. */
  covers_required: boolean;
}

export interface ProgramPartAvailability {
  part: ProgramPart;
  /** CPIDs the BOMs ask for that a part override replaced with this part. */
  overridden_parts: string[];
  bom_line_ids: string[];
  /** Quantity per board × boards, summed over the program's BOMs. */
  required_quantity: number;
  total_stock: number;
  authorized_stock: number;
  /** Units purchasable now toward the required quantity: all sellers, authorized only. */
  purchasable: number;
  authorized_purchasable: number;
  shortfall: number;
  status: AvailabilityStatus;
  authorized_status: AvailabilityStatus;
  lead_days: number | null;
  /** The cheapest offer that covers the required quantity alone, if any. */
  best_offer: ProgramOfferAvailability | null;
  offers: ProgramOfferAvailability[];
}

export interface ProgramUnmatchedLine {
  bom_id: string | null;
  bom_line_id: string | null;
  mpn: string | null;
  quantity: number | null;
}

/** `GET /api/programs/{id}/availability` (and an availability job's result). */
export interface ProgramAvailabilityResponse {
  program_id: string;
  computed_at: string | null;
  currency: string | null;
  parts: ProgramPartAvailability[];
  unmatched_lines: ProgramUnmatchedLine[];
  totals: {
    parts: number;
    available: number;
    partial: number;
    unavailable: number;
    authorized_available: number;
    /** Sum of the best offers' extended prices (parts without one count nothing). */
    best_offer_cost: number | null;
  };
}

/** `POST /api/programs/{id}/availability/jobs`: Get Program Availabilities Async started. */
export interface ProgramAvailabilityJobStarted {
  job_id: string;
}

/** `GET /api/programs/{id}/availability/jobs/{jobId}`. */
export interface ProgramAvailabilityJobResponse {
  id: string;
  state: JobState;
  raw_status: string;
  error: string | null;
  /** Set once the job has succeeded. */
  availability: ProgramAvailabilityResponse | null;
}

export interface ReferencePricePoint {
  quantity: number;
  unit_price: number;
}

export interface ProgramPartReferencePrice {
  part: ProgramPart;
  required_quantity: number;
  unit_price: number | null;
  extended_price: number | null;
  seller: string | null;
  reference_prices: ReferencePricePoint[];
}

/** `GET /api/programs/{id}/reference-pricing`: book prices from price breaks. */
export interface ProgramReferencePricingResponse {
  program_id: string;
  currency: string | null;
  parts: ProgramPartReferencePrice[];
  total: number | null;
  priced_parts: number;
  unpriced_parts: number;
}

/** `PUT /api/boms/{id}/program`: make or update the BOM's program for a build quantity. */
export interface BomProgramRequest {
  /** Boards to build; defaults to the build quantity the BOM was uploaded with. */
  build_quantity?: number;
  /** The program to update (e.g. stored with the sheet); else the one named `name`. */
  program_id?: string;
  /** Defaults to the BOM's name. */
  name?: string;
}

export interface BomProgramResponse {
  program: ProgramResponse;
  /** True when the program was made now, false when an existing one was updated. */
  created: boolean;
  line_id: string;
}
