/** /api BOM lines: get, create from raw data, update (choose a part, mark custom), remove. */
import type { FastifyInstance } from "fastify";
import type { BomLineChangeResponse, BomLineView } from "../../core/api";
import { updateBomLineSchema } from "../boms/schemas";
import { toLineView } from "../boms/views";
import type { UpstreamAccess } from "../upstream/access";
import { parseOrThrow, rawBomLineSchema, recordIdSchema } from "../validation";
import { bomEditFailure } from "./bom-refusal";
import { requestDeadline } from "./deadline";
import { toApiError } from "./upstream-failure";

type LineParams = { Params: { id: string; lineId: string } };

function lineIds(params: { id: string; lineId: string }): { bomId: string; lineId: string } {
  return {
    bomId: parseOrThrow(recordIdSchema, params.id, "id"),
    lineId: parseOrThrow(recordIdSchema, params.lineId, "lineId"),
  };
}

export function registerBomLineRoutes(
  app: FastifyInstance,
  access: UpstreamAccess,
  deadlineMs: number,
): void {
  app.get<LineParams>(
    "/api/boms/:id/lines/:lineId",
    async (request, reply): Promise<BomLineView> => {
      const { bomId, lineId } = lineIds(request.params);
      const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
      try {
        return toLineView(await platform.client.getBomLine(bomId, lineId));
      } catch (error) {
        throw toApiError(error, {
          userKeys: platform.userKeys,
          notFound: `No line ${lineId} on BOM ${bomId}.`,
        });
      }
    },
  );

  // Raw data: Cofactr searches for the part and sums the line into one with the same part and
  // refdes string instead of adding a duplicate.
  app.post<{ Params: { id: string } }>(
    "/api/boms/:id/lines",
    async (request, reply): Promise<BomLineChangeResponse> => {
      const bomId = parseOrThrow(recordIdSchema, request.params.id, "id");
      const line = parseOrThrow(rawBomLineSchema, request.body);
      const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
      try {
        const created = await platform.client.createRawBomLine(bomId, line);
        reply.status(201);
        return { line: toLineView(created), merged_line_id: null };
      } catch (error) {
        throw bomEditFailure(error, platform, `No BOM with id ${bomId}.`);
      }
    },
  );

  app.patch<LineParams>(
    "/api/boms/:id/lines/:lineId",
    async (request, reply): Promise<BomLineChangeResponse> => {
      const { bomId, lineId } = lineIds(request.params);
      const changes = parseOrThrow(updateBomLineSchema, request.body);
      const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
      try {
        const line = toLineView(await platform.client.updateBomLine(bomId, lineId, changes));
        // Cofactr answers with the line that holds the change: another one when it summed them.
        const merged = line.id !== "" && line.id.toLowerCase() !== lineId.toLowerCase();
        return { line, merged_line_id: merged ? lineId : null };
      } catch (error) {
        throw bomEditFailure(error, platform, `No line ${lineId} on BOM ${bomId}.`);
      }
    },
  );

  app.delete<LineParams>("/api/boms/:id/lines/:lineId", async (request, reply) => {
    const { bomId, lineId } = lineIds(request.params);
    const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
    try {
      await platform.client.deleteBomLine(bomId, lineId);
      return reply.status(204).send();
    } catch (error) {
      throw bomEditFailure(error, platform, `No line ${lineId} on BOM ${bomId}.`);
    }
  });
}
