import type { FastifyInstance } from "fastify";
import type { BomResponse, JobStatusResponse, UpsertBomResponse } from "../../core/api";
import { BOM_BUILD_QUANTITY_KEY } from "../../core/api-programs";
import { toBomResponse, toJobStatus } from "../boms/views";
import { ApiError } from "../errors";
import { UpstreamError } from "../upstream/errors";
import type { UpstreamAccess } from "../upstream/access";
import { parseOrThrow, recordIdSchema, uploadBomSchema } from "../validation";
import { requestDeadline } from "./deadline";
import { toApiError } from "./upstream-failure";

export function registerBomRoutes(
  app: FastifyInstance,
  access: UpstreamAccess,
  deadlineMs: number,
): void {
  app.put("/api/boms", async (request, reply): Promise<UpsertBomResponse> => {
    const { build_quantity: buildQuantity, ...upload } = parseOrThrow(
      uploadBomSchema,
      request.body,
    );
    // The BOM keeps the build quantity it was uploaded for; its program is made from it.
    const body =
      buildQuantity === undefined
        ? upload
        : {
            ...upload,
            metadata: { ...upload.metadata, [BOM_BUILD_QUANTITY_KEY]: buildQuantity },
          };
    const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
    try {
      const jobId = await platform.client.upsertBomAsync(body);
      reply.status(202);
      return { job_id: jobId };
    } catch (error) {
      throw (
        uploadUnconfirmed(error) ??
        toApiError(error, {
          userKeys: platform.userKeys,
          notFound: "Cofactr has no BOM upsert.",
        })
      );
    }
  });

  app.get<{ Params: { id: string } }>(
    "/api/jobs/:id",
    async (request, reply): Promise<JobStatusResponse> => {
      const id = parseOrThrow(recordIdSchema, request.params.id, "id");
      const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
      try {
        return toJobStatus(id, await platform.client.getJob(id));
      } catch (error) {
        throw toApiError(error, { userKeys: platform.userKeys, notFound: `No job with id ${id}.` });
      }
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/boms/:id",
    async (request, reply): Promise<BomResponse> => {
      const id = parseOrThrow(recordIdSchema, request.params.id, "id");
      const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
      try {
        const [bom, lines] = await Promise.all([
          platform.client.getBom(id),
          platform.client.listBomLines(id),
        ]);
        return toBomResponse(bom, lines);
      } catch (error) {
        throw toApiError(error, { userKeys: platform.userKeys, notFound: `No BOM with id ${id}.` });
      }
    },
  );
}

/**
 * An upload that may have reached Cofactr without an answer (timeout, dropped connection,
 * gateway error): it was not sent again, and the user must know it may still run.
 */
function uploadUnconfirmed(error: unknown): ApiError | null {
  if (!(error instanceof UpstreamError) || error.options.notSent) return null;
  const gateway = error.kind === "http" && [502, 503, 504].includes(error.status ?? 0);
  if (error.kind !== "timeout" && error.kind !== "network" && !gateway) return null;
  return new ApiError(
    error.kind === "timeout" ? 504 : 502,
    "upload_unconfirmed",
    `Cofactr did not confirm the upload (${error.message}). It may still have been received ` +
      `and be running: check the BOM in Cofactr before uploading again.`,
  );
}
