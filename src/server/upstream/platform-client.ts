/**
 * The Platform API client (flagship-api.cofactr.com or the emulator's /platform mount).
 * `Authorization: Api-Key <key>`, every path ending in a slash, `null` sent instead of "".
 */
import type { UpsertBomBody } from "../../core/cofactr";
import { UpstreamError } from "./errors";
import { sendJson, type JsonRequest } from "./http";
import type { RequestDeadline, UpstreamPolicy } from "./resilience";

export interface PlatformClientOptions {
  /** e.g. https://flagship-api.cofactr.com (the /v1 prefix is added here). */
  baseUrl: string;
  apiKey: string;
  policy: UpstreamPolicy;
  /** Limits every call to one Org (a UUID), when set. */
  orgId?: string | null;
  /** The /api request's deadline: no call outlives it. */
  deadline?: RequestDeadline;
}

/** Lines asked for per page when the lines list is paginated. */
const LINES_PAGE_SIZE = 500;
/** A guard against a list that never ends (a server bug, not a real BOM). */
const MAX_PAGES = 1000;

export type RawRecord = Record<string, unknown>;

export class PlatformClient {
  private readonly baseUrl: string;

  constructor(private readonly options: PlatformClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
  }

  /** Upsert BOM Async: returns the async job's id. */
  async upsertBomAsync(body: UpsertBomBody): Promise<string> {
    const answer = await this.call("Platform upsert BOM", {
      method: "PUT",
      url: this.url(["integrations", "async_boms"]),
      body: emptyStringsAsNull(body),
    });
    return jobIdOf("Platform upsert BOM", answer);
  }

  async getJob(jobId: string): Promise<RawRecord> {
    return this.record("Platform job status", ["async_jobs", jobId]);
  }

  async getBom(bomId: string): Promise<RawRecord> {
    return this.record("Platform BOM", ["boms", bomId]);
  }

  /**
   * Every line of a BOM, following pagination. The list may be a bare array, `{items, count}`
   * (django-ninja) or `{results, count, next}` (DRF).
   */
  async listBomLines(bomId: string): Promise<RawRecord[]> {
    const what = "Platform BOM lines";
    const lines: RawRecord[] = [];
    let nextUrl: string | null = this.url(["boms", bomId, "lines"], {
      limit: String(LINES_PAGE_SIZE),
      offset: "0",
    });
    for (let page = 0; nextUrl !== null; page += 1) {
      if (page >= MAX_PAGES) {
        throw new UpstreamError("bad_response", `${what}: more than ${MAX_PAGES} pages`);
      }
      const answer = await this.call(what, { method: "GET", url: nextUrl });
      const parsed = parseListPage(answer);
      if (!parsed) throw new UpstreamError("bad_response", `${what}: not a list`);
      // An empty page ends the list whatever `next` says (else a stuck link asks 1000 times).
      if (parsed.items.length === 0) break;
      const firstId = parsed.items[0]?.id;
      if (firstId !== undefined && lines.some((line) => line.id === firstId)) break;
      lines.push(...parsed.items);
      nextUrl = null;
      // A bare array says nothing about more pages: a full page means "ask for the next one".
      const morePages =
        parsed.count !== null
          ? lines.length < parsed.count
          : parsed.items.length === LINES_PAGE_SIZE;
      if (parsed.next && this.sameOrigin(parsed.next)) {
        nextUrl = parsed.next;
      } else if (morePages) {
        // Includes a `next` on another origin (the key is not sent there; e.g. an http:// link
        // built behind a TLS proxy): the same page asked for by offset, so no line is dropped.
        nextUrl = this.url(["boms", bomId, "lines"], {
          limit: String(LINES_PAGE_SIZE),
          offset: String(lines.length),
        });
      }
    }
    return lines;
  }

  /** One page of the BOMs the key can read, newest first; `search` filters by name. */
  async listBoms(options: ListOptions): Promise<ListPage> {
    return this.listPage("Platform BOM list", ["boms"], options);
  }

  /** One page of a searchable Platform list (BOMs, programs). */
  async listPage(
    what: string,
    segments: readonly string[],
    options: ListOptions,
  ): Promise<ListPage> {
    const query: Record<string, string> = {
      limit: String(options.limit),
      offset: String(options.offset),
    };
    if (options.search) query.search = options.search;
    const parsed = parseListPage(await this.send(what, "GET", segments, { query }));
    if (!parsed) throw new UpstreamError("bad_response", `${what}: not a list`);
    return parsed;
  }

  /** Creates a BOM from raw bomlines (parse_raw_bom): Cofactr matches and sums duplicates. */
  async createBomFromRaw(body: RawRecord): Promise<RawRecord> {
    return this.write("Platform create BOM", "POST", ["parse_raw_bom"], body);
  }

  async updateBom(bomId: string, changes: RawRecord): Promise<RawRecord> {
    return this.write("Platform update BOM", "PATCH", ["boms", bomId], changes);
  }

  /** Deletes an unapproved BOM; Cofactr archives an approved one instead. */
  async deleteBom(bomId: string): Promise<"deleted" | "archived"> {
    const answer = await this.call("Platform delete BOM", {
      method: "DELETE",
      url: this.url(["boms", bomId]),
    });
    return isRecord(answer) && answer.archived === true ? "archived" : "deleted";
  }

  async approveBom(bomId: string): Promise<RawRecord> {
    return this.write("Platform approve BOM", "POST", ["boms", bomId, "approve"]);
  }

  async getBomLine(bomId: string, lineId: string): Promise<RawRecord> {
    return this.record("Platform BOM line", ["boms", bomId, "lines", lineId]);
  }

  /** A raw line, matched by Cofactr and summed into a line with the same part and refdes. */
  async createRawBomLine(bomId: string, line: RawRecord): Promise<RawRecord> {
    return this.write("Platform create BOM line", "POST", ["boms", bomId, "raw_lines"], line);
  }

  /** Answers the line holding the change: another line when Cofactr summed the two. */
  async updateBomLine(bomId: string, lineId: string, changes: RawRecord): Promise<RawRecord> {
    return this.write(
      "Platform update BOM line",
      "PATCH",
      ["boms", bomId, "lines", lineId],
      changes,
    );
  }

  async deleteBomLine(bomId: string, lineId: string): Promise<void> {
    await this.call("Platform remove BOM line", {
      method: "DELETE",
      url: this.url(["boms", bomId, "lines", lineId]),
    });
  }

  /**
   * Any Platform call by path segments (for the Programs client): the answer as received, or an
   * UpstreamError. `idempotent: false` keeps a GET that starts work from being sent twice.
   */
  async send(
    what: string,
    method: "GET" | "POST" | "PATCH" | "DELETE",
    segments: readonly string[],
    options: {
      query?: Record<string, string>;
      body?: RawRecord | object;
      idempotent?: boolean;
    } = {},
  ): Promise<unknown> {
    return this.call(
      what,
      {
        method,
        url: this.url([...segments], options.query),
        ...(options.body === undefined ? {} : { body: emptyStringsAsNull(options.body) }),
      },
      options.idempotent,
    );
  }

  private async write(
    what: string,
    method: "POST" | "PATCH",
    segments: string[],
    body?: RawRecord,
  ): Promise<RawRecord> {
    const answer = await this.call(what, {
      method,
      url: this.url(segments),
      ...(body === undefined ? {} : { body: emptyStringsAsNull(body) }),
    });
    if (!isRecord(answer)) throw new UpstreamError("bad_response", `${what}: not an object`);
    return answer;
  }

  private async record(what: string, segments: string[]): Promise<RawRecord> {
    const answer = await this.call(what, { method: "GET", url: this.url(segments) });
    if (!isRecord(answer)) throw new UpstreamError("bad_response", `${what}: not an object`);
    return answer;
  }

  /** Only reads are sent again after a failure that may have reached Cofactr: a write (the
   * async upsert starts a job) could otherwise run twice. */
  private async call(
    what: string,
    request: Omit<JsonRequest, "headers">,
    idempotent = request.method === "GET",
  ): Promise<unknown> {
    return this.options.policy.run(
      what,
      async ({ signal }) => {
        const response = await sendJson(
          what,
          { ...request, headers: { Authorization: `Api-Key ${this.options.apiKey}` } },
          signal,
        );
        return response.body;
      },
      { deadline: this.options.deadline, idempotent },
    );
  }

  /** `/v1/<segments>/` with the mandatory trailing slash, each segment URL-encoded. */
  url(segments: string[], query: Record<string, string> = {}): string {
    // Encoding does not help here: URL parsing resolves "%2e%2e" like "..".
    if (segments.some((segment) => /^\.+$/.test(segment) || segment === "")) {
      throw new Error("Internal error: an empty or dot-only segment in a Platform path");
    }
    const path = segments.map((segment) => encodeURIComponent(segment)).join("/");
    const params = new URLSearchParams(query);
    if (this.options.orgId) params.set("org_id", this.options.orgId);
    const search = params.toString();
    return `${this.baseUrl}/v1/${path}/${search ? `?${search}` : ""}`;
  }

  private sameOrigin(url: string): boolean {
    try {
      return new URL(url).origin === new URL(this.baseUrl).origin;
    } catch {
      return false;
    }
  }
}

export interface ListOptions {
  search?: string;
  limit: number;
  offset: number;
}

/** The job id an async call answers: a bare JSON string (as Upsert BOM Async documents) or an
 * object naming it. */
export function jobIdOf(what: string, answer: unknown): string {
  const jobId =
    typeof answer === "string"
      ? answer
      : isRecord(answer)
        ? (answer.job_id ?? answer.id ?? answer.job)
        : undefined;
  if (typeof jobId !== "string" || jobId.trim() === "") {
    throw new UpstreamError("bad_response", `${what}: no job id in the answer`);
  }
  return jobId;
}

export interface ListPage {
  items: RawRecord[];
  count: number | null;
  next: string | null;
}

/** A Platform list page in any of the three shapes it may take; null when it is none. */
export function parseListPage(answer: unknown): ListPage | null {
  if (Array.isArray(answer)) return { items: answer.filter(isRecord), count: null, next: null };
  if (!isRecord(answer)) return null;
  const items = Array.isArray(answer.items)
    ? answer.items
    : Array.isArray(answer.results)
      ? answer.results
      : null;
  if (!items) return null;
  return {
    items: items.filter(isRecord),
    count: typeof answer.count === "number" ? answer.count : null,
    next: typeof answer.next === "string" && answer.next !== "" ? answer.next : null,
  };
}

/** Cofactr's string fields are 1–255 characters: an empty string goes as null. `metadata` is
 * the user's own free-form object and goes as it came. */
export function emptyStringsAsNull<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => emptyStringsAsNull(item)) as T;
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => [
        key,
        field === "" ? null : key === "metadata" ? field : emptyStringsAsNull(field),
      ]),
    ) as T;
  }
  return value;
}

export function isRecord(value: unknown): value is RawRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
