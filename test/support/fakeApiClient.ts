/** A scripted `ApiClient` for pane tests: jobs move one state per poll, BOMs are kept. */
import type {
  BomResponse,
  HealthResponse,
  JobStatusResponse,
  LookupRequest,
  LookupResponse,
  UpsertBomRequest,
} from "../../src/core/api";
import type { ApiClient } from "../../src/addin/runtime/api-client";

export class FakeApiClient implements ApiClient {
  readonly uploads: UpsertBomRequest[] = [];
  readonly jobPolls: string[] = [];
  healthResponse: HealthResponse | Error = { status: "ok", mode: "emulator" };
  /** Thrown by the next upsertBom, if set. */
  uploadError: Error | null = null;
  /** States a job goes through, one per poll. */
  jobStates: JobStatusResponse["state"][] = ["pending", "running", "success"];
  jobError: string | null = null;
  /** Lines of uploaded BOMs that come back unmatched (by index). */
  unmatchedIndexes = new Set<number>();
  private readonly jobs = new Map<string, { polls: number; bomId: string }>();
  private readonly boms = new Map<string, BomResponse>();

  async health(): Promise<HealthResponse> {
    if (this.healthResponse instanceof Error) throw this.healthResponse;
    return this.healthResponse;
  }

  async lookup(request: LookupRequest): Promise<LookupResponse> {
    return {
      results: request.queries.map(() => ({ status: "not_found", message: "not in the fake" })),
    };
  }

  async upsertBom(body: UpsertBomRequest) {
    if (this.uploadError) {
      const error = this.uploadError;
      this.uploadError = null;
      throw error;
    }
    this.uploads.push(body);
    const existing = [...this.boms.values()].find(
      (bom) => bom.integration_record_id === body.integration_record_id,
    );
    const bomId = existing?.id ?? `bom-${this.boms.size + 1}`;
    const jobId = `job-${this.uploads.length}`;
    this.jobs.set(jobId, { polls: 0, bomId });
    this.boms.set(bomId, {
      id: bomId,
      name: body.name,
      version: body.version ?? null,
      part_number: body.part_number ?? null,
      integration_record_id: body.integration_record_id ?? null,
      approved: false,
      archived: false,
      line_count: body.lines?.length ?? 0,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      lines: (body.lines ?? []).map((line, index) => {
        const unmatched = this.unmatchedIndexes.has(index) || !line.mpn;
        return {
          id: `line-${index}`,
          line_number: line.line_number ?? null,
          mpn: line.mpn,
          manufacturer_name: line.manufacturer_name ?? null,
          quantity: line.quantity ?? 1,
          reference_designators: line.reference_designators ?? [],
          do_not_place: line.do_not_place ?? false,
          part: unmatched
            ? null
            : { cpid: `CP${index}`, mpn: line.mpn, manufacturer: null, description: null },
          match_status: unmatched ? "unmatched" : "matched",
        };
      }),
    });
    return { job_id: jobId };
  }

  async job(id: string): Promise<JobStatusResponse> {
    this.jobPolls.push(id);
    const job = this.jobs.get(id);
    if (!job) throw Object.assign(new Error("no such job"), { status: 404 });
    const state = this.jobStates[Math.min(job.polls, this.jobStates.length - 1)] ?? "success";
    job.polls += 1;
    const bom = this.boms.get(job.bomId);
    return {
      id,
      state,
      raw_status: state,
      bom_id: state === "success" ? job.bomId : null,
      created: state === "success" ? true : null,
      lines: bom?.lines.length ?? null,
      unmatched_lines: bom?.lines.filter((l) => l.match_status === "unmatched").length ?? null,
      error: state === "failure" ? this.jobError : null,
    };
  }

  async bom(id: string): Promise<BomResponse> {
    const bom = this.boms.get(id);
    if (!bom) throw Object.assign(new Error("no such BOM"), { status: 404 });
    return bom;
  }
}
