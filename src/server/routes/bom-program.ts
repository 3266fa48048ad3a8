/** `PUT /api/boms/{id}/program`: the BOM's program for a build quantity, made or updated. */
import type { FastifyInstance } from "fastify";
import { BOM_BUILD_QUANTITY_KEY, type BomProgramResponse } from "../../core/api-programs";
import { ApiError } from "../errors";
import { ensureBomProgram } from "../programs/bom-program";
import { bomProgramSchema, buildQuantitySchema } from "../programs/schemas";
import type { UpstreamAccess } from "../upstream/access";
import { isRecord, type RawRecord } from "../upstream/platform-client";
import { parseOrThrow, recordIdSchema } from "../validation";
import { programAccess } from "./program-access";

/** The build quantity the BOM was uploaded with (kept in its metadata), if any. */
function uploadedBuildQuantity(bom: RawRecord): number | null {
  const value = isRecord(bom.metadata) ? bom.metadata[BOM_BUILD_QUANTITY_KEY] : undefined;
  const parsed = buildQuantitySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function registerBomProgramRoute(
  app: FastifyInstance,
  access: UpstreamAccess,
  deadlineMs: number,
): void {
  app.put<{ Params: { id: string } }>(
    "/api/boms/:id/program",
    async (request, reply): Promise<BomProgramResponse> => {
      const bomId = parseOrThrow(recordIdSchema, request.params.id, "id");
      const body = parseOrThrow(bomProgramSchema, request.body ?? {});
      const { programs, platform, failure } = programAccess(access, request, reply, deadlineMs);
      let bom: RawRecord;
      try {
        bom = await platform.client.getBom(bomId);
      } catch (error) {
        throw failure(error, `No BOM with id ${bomId}.`);
      }
      const quantity = body.build_quantity ?? uploadedBuildQuantity(bom);
      if (quantity === null) {
        throw new ApiError(
          422,
          "validation_error",
          "build_quantity: is required (the BOM was uploaded without one)",
          "build_quantity",
        );
      }
      const name =
        body.name ?? (typeof bom.name === "string" && bom.name !== "" ? bom.name : bomId);
      try {
        return await ensureBomProgram(programs, {
          bomId: typeof bom.id === "string" ? bom.id : bomId,
          quantity,
          name,
          ...(body.program_id ? { programId: body.program_id } : {}),
        });
      } catch (error) {
        throw failure(
          error,
          body.program_id ? `No program with id ${body.program_id}.` : `No BOM with id ${bomId}.`,
        );
      }
    },
  );
}
