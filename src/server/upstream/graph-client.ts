/**
 * The Knowledge Graph client (graph.cofactr.com or the emulator's /graph mount). Every lookup
 * goes through `POST /batch/products/`, at most 250 members per request, so that a thousand
 * parts cost a handful of requests.
 */
import {
  GRAPH_BATCH_MAX,
  type GraphBatchMember,
  type GraphProductOffersV1,
  type GraphProductV1,
  type GraphSchema,
  type SearchStrategy,
} from "../../core/cofactr";
import type { GraphCredentials } from "../config";
import { TRANSIENT_HTTP_STATUSES } from "../../core/http-retry";
import { UpstreamError } from "./errors";
import { sendJson } from "./http";
import { redactSecrets, secretsIn } from "./redact";
import type { RequestDeadline, UpstreamPolicy } from "./resilience";

/** Most ids one `filtering` member asks for (the official client uses the same bound). */
export const IDS_PER_MEMBER = 250;

export type MemberOutcome<P> = { ok: true; products: P[] } | { ok: false; error: UpstreamError };

export interface SearchOptions {
  schema: GraphSchema;
  strategy: SearchStrategy;
  limit: number;
  /** Ask Cofactr to fetch fresh distributor data (metered and slow: refresh actions only). */
  external?: boolean;
}

export interface GraphClientOptions {
  /** e.g. https://graph.cofactr.com, no trailing slash needed. */
  baseUrl: string;
  credentials: GraphCredentials;
  policy: UpstreamPolicy;
  /** The /api request's deadline: no call outlives it. */
  deadline?: RequestDeadline;
}

export class GraphClient {
  private readonly baseUrl: string;

  constructor(private readonly options: GraphClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
  }

  /** One search per query text, results in query order. */
  async search<P = GraphProductOffersV1>(
    queries: string[],
    options: SearchOptions,
  ): Promise<MemberOutcome<P>[]> {
    const members = queries.map((q) =>
      relativeUrl({
        q,
        schema: options.schema,
        search_strategy: options.strategy,
        limit: String(options.limit),
        ...(options.external ? { external: "true" } : {}),
      }),
    );
    return this.batch<P>(members);
  }

  /**
   * Products by CPID, several `id IN [...]` members in one batch request. The map is keyed by
   * every id a product answers to (canonical and deprecated). Members that failed are reported
   * in `errors`; their ids are simply absent from the map.
   */
  async productsById<P extends GraphProductV1 | GraphProductOffersV1 = GraphProductV1>(
    ids: string[],
    schema: GraphSchema = "product-v1",
    options: { external?: boolean } = {},
  ): Promise<{ products: Map<string, P>; errors: UpstreamError[] }> {
    const unique = [...new Set(ids)];
    const members: string[] = [];
    for (let start = 0; start < unique.length; start += IDS_PER_MEMBER) {
      const chunk = unique.slice(start, start + IDS_PER_MEMBER);
      members.push(
        relativeUrl({
          filtering: JSON.stringify([{ field: "id", operator: "IN", value: chunk }]),
          schema,
          limit: String(chunk.length),
          ...(options.external ? { external: "true" } : {}),
        }),
      );
    }
    const outcomes = await this.batch<P>(members);
    const products = new Map<string, P>();
    const errors: UpstreamError[] = [];
    for (const outcome of outcomes) {
      if (!outcome.ok) {
        errors.push(outcome.error);
        continue;
      }
      for (const product of outcome.products) {
        products.set(product.id, product);
        for (const old of product.deprecated_ids ?? []) products.set(old, product);
      }
    }
    return { products, errors };
  }

  /**
   * Runs `/products/` queries (query strings) through the batch endpoint, ≤250 per request,
   * requests in parallel under the policy's concurrency cap. Members that Cofactr answered
   * with a retryable status are sent once more in a follow-up batch.
   */
  async batch<P>(relativeUrls: string[]): Promise<MemberOutcome<P>[]> {
    const outcomes = await this.batchOnce<P>(relativeUrls);
    const retry = outcomes
      .map((outcome, index) => ({ outcome, index }))
      .filter(
        ({ outcome }) => !outcome.ok && outcome.error.kind === "http" && outcome.error.retryable,
      );
    if (retry.length > 0) {
      const again = await this.batchOnce<P>(retry.map(({ index }) => relativeUrls[index] ?? ""));
      retry.forEach(({ index }, position) => {
        const outcome = again[position];
        if (outcome) outcomes[index] = outcome;
      });
    }
    return outcomes;
  }

  private async batchOnce<P>(relativeUrls: string[]): Promise<MemberOutcome<P>[]> {
    const chunks: string[][] = [];
    for (let start = 0; start < relativeUrls.length; start += GRAPH_BATCH_MAX) {
      chunks.push(relativeUrls.slice(start, start + GRAPH_BATCH_MAX));
    }
    const results = await Promise.all(chunks.map((chunk) => this.sendBatch<P>(chunk)));
    return results.flat();
  }

  private async sendBatch<P>(relativeUrls: string[]): Promise<MemberOutcome<P>[]> {
    const what = "Knowledge Graph batch";
    const batch: GraphBatchMember[] = relativeUrls.map((relative_url) => ({
      method: "GET",
      relative_url,
    }));
    try {
      const body = await this.options.policy.run(
        what,
        async ({ signal }) => {
          const response = await sendJson(
            what,
            {
              method: "POST",
              url: `${this.baseUrl}/batch/products/`,
              headers: this.authHeaders(),
              body: { batch },
            },
            signal,
          );
          return response.body;
        },
        { deadline: this.options.deadline },
      );
      if (!Array.isArray(body) || body.length !== relativeUrls.length) {
        throw new UpstreamError(
          "bad_response",
          `${what}: expected ${relativeUrls.length} member results, got ${describe(body)}`,
        );
      }
      const secrets = secretsIn(this.authHeaders());
      const outcomes = body.map((member) => memberOutcome<P>(member, secrets));
      const metered = outcomes.reduce(
        (sum, outcome) => sum + (outcome.ok ? outcome.products.length : 0),
        0,
      );
      this.options.policy.observer?.meteredParts(metered);
      return outcomes;
    } catch (error) {
      const failure =
        error instanceof UpstreamError
          ? error
          : new UpstreamError("bad_response", `${what}: ${String(error)}`);
      return relativeUrls.map(() => ({ ok: false, error: failure }));
    }
  }

  private authHeaders(): Record<string, string> {
    return {
      "X-CLIENT-ID": this.options.credentials.clientId,
      "X-API-KEY": this.options.credentials.apiKey,
    };
  }
}

function relativeUrl(params: Record<string, string>): string {
  return `?${new URLSearchParams(params).toString()}`;
}

/** `secrets` are scrubbed from a failed member's message (Cofactr may quote the key). */
function memberOutcome<P>(member: unknown, secrets: readonly string[]): MemberOutcome<P> {
  const what = "Knowledge Graph search";
  if (
    !member ||
    typeof member !== "object" ||
    typeof (member as { code?: unknown }).code !== "number"
  ) {
    return {
      ok: false,
      error: new UpstreamError("bad_response", `${what}: a batch member has no status code`),
    };
  }
  const { code, body } = member as { code: number; body: unknown };
  if (code === 404) return { ok: true, products: [] };
  if (code === 200) {
    const data = body && typeof body === "object" ? (body as { data?: unknown }).data : undefined;
    if (Array.isArray(data)) return { ok: true, products: data as P[] };
    return {
      ok: false,
      error: new UpstreamError("bad_response", `${what}: a member answered 200 without data[]`),
    };
  }
  const detail =
    body && typeof body === "object" ? (body as { detail?: unknown }).detail : undefined;
  const summary =
    typeof detail === "string" ? `: ${redactSecrets(detail, secrets).slice(0, 200)}` : "";
  return {
    ok: false,
    error: new UpstreamError("http", `${what}: Cofactr answered HTTP ${code}${summary}`, {
      status: code,
      retryable: TRANSIENT_HTTP_STATUSES.has(code),
    }),
  };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `${value.length}`;
  return value === null ? "null" : typeof value;
}
