import type { FastifyInstance } from "fastify";
import type { CacheClearResponse, LookupResponse } from "../../core/api";
import type { AdminCheck } from "../admin";
import { ApiError } from "../errors";
import type { PartLookupService } from "../lookup/lookup-service";
import type { UpstreamAccess } from "../upstream/access";
import { lookupBodySchema, parseOrThrow } from "../validation";
import { requestDeadline } from "./deadline";

export const LOOKUP_ROUTE = "/api/parts/lookup";

/** 2,000 queries of two 255-character strings fit with room to spare. */
const LOOKUP_BODY_LIMIT = 2 * 1024 * 1024;

export function registerLookupRoutes(
  app: FastifyInstance,
  access: UpstreamAccess,
  lookups: PartLookupService,
  admin: AdminCheck,
  deadlineMs: number,
): void {
  app.post(
    LOOKUP_ROUTE,
    { bodyLimit: LOOKUP_BODY_LIMIT },
    async (request, reply): Promise<LookupResponse> => {
      const body = parseOrThrow(lookupBodySchema, request.body);
      const deadline = requestDeadline(reply, deadlineMs);
      const graph = access.graphFor(request.headers, deadline);
      const results = await lookups.lookup(body.queries, {
        graph: graph.client,
        scope: graph.scope,
        refresh: body.refresh === true,
        deadline,
      });
      const failures = results.filter((result) => result.status === "error").length;
      if (failures > 0) {
        const first = results.find((result) => result.status === "error");
        request.log.warn(
          {
            failures,
            queries: results.length,
            reason: first?.status === "error" ? first.message : "",
          },
          "part lookups failed",
        );
      }
      return { results };
    },
  );

  app.post("/api/cache/clear", async (request): Promise<CacheClearResponse> => {
    await admin.require(request);
    const graph = access.graphFor(request.headers);
    try {
      return { cleared: await lookups.clearEverywhere(graph.scope) };
    } catch {
      throw new ApiError(
        503,
        "shared_cache_unavailable",
        "Redis is unreachable: only this instance's cache was cleared. Try again when it is back.",
      );
    }
  });
}
