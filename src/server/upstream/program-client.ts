/**
 * The Platform's Programs, read through the one contract module (core/cofactr-programs.ts):
 * every answer is checked there and turned into the /api views, so a shape Cofactr changes is
 * a `bad_response` naming the call, never a half-read record.
 */
import type { z } from "zod";
import type {
  PartOverrideView,
  ProgramAvailabilityResponse,
  ProgramLineView,
  ProgramReferencePricingResponse,
  ProgramResponse,
  ProgramSummary,
} from "../../core/api-programs";
import {
  cofactrPartOverride,
  cofactrProgram,
  cofactrProgramAvailability,
  cofactrProgramLine,
  cofactrProgramSummary,
  cofactrReferencePricing,
  PROGRAM_PATHS,
  type CofactrPartOverrideBody,
  type CofactrProgramCreateBody,
  type CofactrProgramLineBody,
  type CofactrProgramPatchBody,
} from "../../core/cofactr-programs";
import { UpstreamError } from "./errors";
import {
  jobIdOf,
  parseListPage,
  type ListOptions,
  type PlatformClient,
  type RawRecord,
} from "./platform-client";

/** Items asked for per page of a program's lines or overrides. */
const PAGE_SIZE = 500;
/** A guard against a list that never ends. */
const MAX_PAGES = 100;

export interface ProgramPage {
  programs: ProgramSummary[];
  total: number | null;
}

export interface RawJob {
  id: string;
  status: string;
  error: unknown;
  availability: ProgramAvailabilityResponse | null;
}

function read<S extends z.ZodType>(what: string, schema: S, answer: unknown): z.output<S> {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  throw new UpstreamError(
    "bad_response",
    `${what}: the answer is not as expected${where} (${issue?.message ?? "unreadable"})`,
  );
}

export class ProgramClient {
  constructor(private readonly platform: PlatformClient) {}

  async list(options: ListOptions): Promise<ProgramPage> {
    const what = "Platform program list";
    const page = await this.platform.listPage(what, PROGRAM_PATHS.programs(), options);
    return {
      programs: page.items.map((item) => read(what, cofactrProgramSummary, item)),
      total: page.count,
    };
  }

  /** The program with all its lines (asked for apart when the answer leaves them out). */
  async get(programId: string): Promise<ProgramResponse> {
    const what = "Platform program";
    return this.withLines(
      read(
        what,
        cofactrProgram,
        await this.platform.send(what, "GET", PROGRAM_PATHS.program(programId)),
      ),
    );
  }

  async create(body: CofactrProgramCreateBody): Promise<ProgramResponse> {
    const what = "Platform create program";
    return this.withLines(
      read(
        what,
        cofactrProgram,
        await this.platform.send(what, "POST", PROGRAM_PATHS.programs(), { body }),
      ),
    );
  }

  async update(programId: string, body: CofactrProgramPatchBody): Promise<ProgramResponse> {
    const what = "Platform update program";
    const answer = await this.platform.send(what, "PATCH", PROGRAM_PATHS.program(programId), {
      body,
    });
    return this.withLines(read(what, cofactrProgram, answer));
  }

  async remove(programId: string): Promise<void> {
    await this.platform.send("Platform delete program", "DELETE", PROGRAM_PATHS.program(programId));
  }

  async lines(programId: string): Promise<ProgramLineView[]> {
    const what = "Platform program lines";
    const items = await this.everyItem(what, PROGRAM_PATHS.lines(programId));
    return items.map((item) => read(what, cofactrProgramLine, item));
  }

  async line(programId: string, lineId: string): Promise<ProgramLineView> {
    const what = "Platform program line";
    const answer = await this.platform.send(what, "GET", PROGRAM_PATHS.line(programId, lineId));
    return read(what, cofactrProgramLine, answer);
  }

  async createLine(programId: string, body: CofactrProgramLineBody): Promise<ProgramLineView> {
    const what = "Platform create program line";
    const answer = await this.platform.send(what, "POST", PROGRAM_PATHS.lines(programId), { body });
    return read(what, cofactrProgramLine, answer);
  }

  async updateLine(
    programId: string,
    lineId: string,
    body: Partial<CofactrProgramLineBody>,
  ): Promise<ProgramLineView> {
    const what = "Platform update program line";
    const answer = await this.platform.send(what, "PATCH", PROGRAM_PATHS.line(programId, lineId), {
      body,
    });
    return read(what, cofactrProgramLine, answer);
  }

  async removeLine(programId: string, lineId: string): Promise<void> {
    await this.platform.send(
      "Platform delete program line",
      "DELETE",
      PROGRAM_PATHS.line(programId, lineId),
    );
  }

  async availability(programId: string): Promise<ProgramAvailabilityResponse> {
    const what = "Platform program availability";
    const answer = await this.platform.send(what, "GET", PROGRAM_PATHS.availabilities(programId));
    return read(what, cofactrProgramAvailability, answer);
  }

  /** Get Program Availabilities Async: the job's id. ASSUMED: answered like Upsert BOM Async
   * (a bare JSON string, or an object naming the job). Not sent twice: a GET, but it starts work. */
  async startAvailabilityJob(programId: string): Promise<string> {
    const what = "Platform program availability job";
    const answer = await this.platform.send(
      what,
      "GET",
      PROGRAM_PATHS.availabilitiesAsync(programId),
      { idempotent: false },
    );
    return jobIdOf(what, answer);
  }

  /** The async job (Get Async Job Status); its `result` read as an availability once present. */
  async availabilityJob(jobId: string): Promise<RawJob> {
    const what = "Platform program availability job";
    const job: RawRecord = await this.platform.getJob(jobId);
    const status =
      typeof job.status === "string" ? job.status : typeof job.state === "string" ? job.state : "";
    const result = job.result;
    return {
      id: typeof job.id === "string" ? job.id : jobId,
      status: status || "unknown",
      error: job.error,
      availability:
        result === null || result === undefined
          ? null
          : read(`${what} result`, cofactrProgramAvailability, result),
    };
  }

  async referencePricing(programId: string): Promise<ProgramReferencePricingResponse> {
    const what = "Platform program reference pricing";
    const answer = await this.platform.send(what, "GET", PROGRAM_PATHS.referencePricing(programId));
    return read(what, cofactrReferencePricing, answer);
  }

  async overrides(programId: string): Promise<PartOverrideView[]> {
    const what = "Platform program part overrides";
    const items = await this.everyItem(what, PROGRAM_PATHS.overrides(programId));
    return items.map((item) => read(what, cofactrPartOverride, item));
  }

  async override(programId: string, overrideId: string): Promise<PartOverrideView> {
    const what = "Platform program part override";
    const answer = await this.platform.send(
      what,
      "GET",
      PROGRAM_PATHS.override(programId, overrideId),
    );
    return read(what, cofactrPartOverride, answer);
  }

  async createOverride(
    programId: string,
    body: CofactrPartOverrideBody,
  ): Promise<PartOverrideView> {
    const what = "Platform create part override";
    const answer = await this.platform.send(what, "POST", PROGRAM_PATHS.overrides(programId), {
      body,
    });
    return read(what, cofactrPartOverride, answer);
  }

  async updateOverride(
    programId: string,
    overrideId: string,
    body: CofactrPartOverrideBody,
  ): Promise<PartOverrideView> {
    const what = "Platform update part override";
    const answer = await this.platform.send(
      what,
      "PATCH",
      PROGRAM_PATHS.override(programId, overrideId),
      { body },
    );
    return read(what, cofactrPartOverride, answer);
  }

  async removeOverride(programId: string, overrideId: string): Promise<void> {
    await this.platform.send(
      "Platform delete part override",
      "DELETE",
      PROGRAM_PATHS.override(programId, overrideId),
    );
  }

  private async withLines(
    program: ProgramResponse & { linesIncluded: boolean },
  ): Promise<ProgramResponse> {
    const { linesIncluded, ...view } = program;
    const lines = linesIncluded ? view.lines : await this.lines(view.id);
    return { ...view, lines, line_count: lines.length };
  }

  /** Every item of a paginated list, by offset, in any of the Platform's list shapes. */
  private async everyItem(what: string, segments: readonly string[]): Promise<RawRecord[]> {
    const items: RawRecord[] = [];
    for (let pageNumber = 0; pageNumber < MAX_PAGES; pageNumber += 1) {
      const query = { limit: String(PAGE_SIZE), offset: String(items.length) };
      const page = parseListPage(await this.platform.send(what, "GET", segments, { query }));
      if (!page) throw new UpstreamError("bad_response", `${what}: not a list`);
      items.push(...page.items);
      const more =
        page.count !== null ? items.length < page.count : page.items.length === PAGE_SIZE;
      if (page.items.length === 0 || !more) return items;
    }
    throw new UpstreamError("bad_response", `${what}: more than ${MAX_PAGES} pages`);
  }
}
