import type { FastifyInstance } from "fastify";
import type { BomResponse, JobStatusResponse, UpsertBomResponse } from "../../core/api";
import { toBomResponse, toJobStatus } from "../boms/views";
import type { UpstreamAccess } from "../upstream/access";
import { parseOrThrow, recordIdSchema, upsertBomSchema } from "../validation";
import { toApiError } from "./upstream-failure";

export function registerBomRoutes(app: FastifyInstance, access: UpstreamAccess): void {
  app.put("/api/boms", async (request, reply): Promise<UpsertBomResponse> => {
    const body = parseOrThrow(upsertBomSchema, request.body);
    const platform = access.platformFor(request.headers);
    try {
      const jobId = await platform.client.upsertBomAsync(body);
      reply.status(202);
      return { job_id: jobId };
    } catch (error) {
      throw toApiError(error, {
        userKeys: platform.userKeys,
        notFound: "Cofactr has no BOM upsert.",
      });
    }
  });

  app.get<{ Params: { id: string } }>(
    "/api/jobs/:id",
    async (request): Promise<JobStatusResponse> => {
      const id = parseOrThrow(recordIdSchema, request.params.id, "id");
      const platform = access.platformFor(request.headers);
      try {
        return toJobStatus(id, await platform.client.getJob(id));
      } catch (error) {
        throw toApiError(error, { userKeys: platform.userKeys, notFound: `No job with id ${id}.` });
      }
    },
  );

  app.get<{ Params: { id: string } }>("/api/boms/:id", async (request): Promise<BomResponse> => {
    const id = parseOrThrow(recordIdSchema, request.params.id, "id");
    const platform = access.platformFor(request.headers);
    try {
      const [bom, lines] = await Promise.all([
        platform.client.getBom(id),
        platform.client.listBomLines(id),
      ]);
      return toBomResponse(bom, lines);
    } catch (error) {
      throw toApiError(error, { userKeys: platform.userKeys, notFound: `No BOM with id ${id}.` });
    }
  });
}
