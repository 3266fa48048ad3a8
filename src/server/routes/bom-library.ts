/** /api BOM library: list (paged, searchable by name), create from raw lines, update, delete or
 * archive, approve. Reading one BOM and the async upsert live in ./boms. */
import type { FastifyInstance } from "fastify";
import type { BomListResponse, BomResponse, DeleteBomResponse } from "../../core/api";
import { bomListQuerySchema, createBomSchema, updateBomSchema } from "../boms/schemas";
import { toBomResponse, toBomSummary } from "../boms/views";
import type { UpstreamAccess } from "../upstream/access";
import { isRecord, type PlatformClient, type RawRecord } from "../upstream/platform-client";
import { parseOrThrow, recordIdSchema } from "../validation";
import { bomEditFailure } from "./bom-refusal";
import { requestDeadline } from "./deadline";
import { toApiError } from "./upstream-failure";

type WithId = { Params: { id: string } };

export function registerBomLibraryRoutes(
  app: FastifyInstance,
  access: UpstreamAccess,
  deadlineMs: number,
): void {
  app.get("/api/boms", async (request, reply): Promise<BomListResponse> => {
    const query = parseOrThrow(bomListQuerySchema, request.query, "query");
    const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
    const search = query.search?.trim() ?? "";
    try {
      const page = await platform.client.listBoms({
        ...(search ? { search } : {}),
        limit: query.limit,
        offset: query.offset,
      });
      return {
        boms: page.items.map(toBomSummary),
        total: page.count,
        limit: query.limit,
        offset: query.offset,
      };
    } catch (error) {
      throw toApiError(error, {
        userKeys: platform.userKeys,
        notFound: "Cofactr has no BOM list.",
      });
    }
  });

  app.post("/api/boms", async (request, reply): Promise<BomResponse> => {
    const { lines, ...header } = parseOrThrow(createBomSchema, request.body);
    const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
    try {
      const bom = await platform.client.createBomFromRaw({ ...header, raw_lines: lines });
      reply.status(201);
      return await withLines(bom, platform.client);
    } catch (error) {
      throw bomEditFailure(error, platform, "Cofactr has no BOM create.");
    }
  });

  app.patch<WithId>("/api/boms/:id", async (request, reply): Promise<BomResponse> => {
    const id = parseOrThrow(recordIdSchema, request.params.id, "id");
    const changes = parseOrThrow(updateBomSchema, request.body);
    const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
    try {
      return await withLines(await platform.client.updateBom(id, changes), platform.client);
    } catch (error) {
      throw bomEditFailure(error, platform, `No BOM with id ${id}.`);
    }
  });

  app.delete<WithId>("/api/boms/:id", async (request, reply): Promise<DeleteBomResponse> => {
    const id = parseOrThrow(recordIdSchema, request.params.id, "id");
    const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
    try {
      return { id, outcome: await platform.client.deleteBom(id) };
    } catch (error) {
      throw bomEditFailure(error, platform, `No BOM with id ${id}.`);
    }
  });

  app.post<WithId>("/api/boms/:id/approve", async (request, reply): Promise<BomResponse> => {
    const id = parseOrThrow(recordIdSchema, request.params.id, "id");
    const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
    try {
      return await withLines(await platform.client.approveBom(id), platform.client);
    } catch (error) {
      throw bomEditFailure(error, platform, `No BOM with id ${id}.`);
    }
  });
}

/** The BOM with its lines: taken from the answer when it holds all of them, else asked for. */
async function withLines(bom: RawRecord, client: PlatformClient): Promise<BomResponse> {
  const complete =
    Array.isArray(bom.lines) &&
    (typeof bom.line_count !== "number" || bom.line_count === bom.lines.length);
  if (complete && Array.isArray(bom.lines)) {
    const lines = bom.lines.filter((line): line is RawRecord => isRecord(line));
    return toBomResponse(bom, lines);
  }
  const id = typeof bom.id === "string" ? bom.id : "";
  return toBomResponse(bom, id ? await client.listBomLines(id) : []);
}
