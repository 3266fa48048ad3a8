/** /api program part overrides: a program-level choice of part for a BOM's part or line. */
import type { FastifyInstance } from "fastify";
import type {
  DeletedResponse,
  PartOverrideView,
  PartOverridesResponse,
} from "../../core/api-programs";
import { createPartOverrideSchema, updatePartOverrideSchema } from "../programs/schemas";
import type { UpstreamAccess } from "../upstream/access";
import { parseOrThrow, recordIdSchema } from "../validation";
import { programAccess } from "./program-access";

type WithId = { Params: { id: string } };
type WithOverride = { Params: { id: string; overrideId: string } };

function overrideIds(params: { id: string; overrideId: string }) {
  return {
    programId: parseOrThrow(recordIdSchema, params.id, "id"),
    overrideId: parseOrThrow(recordIdSchema, params.overrideId, "overrideId"),
  };
}

export function registerProgramOverrideRoutes(
  app: FastifyInstance,
  access: UpstreamAccess,
  deadlineMs: number,
): void {
  app.get<WithId>(
    "/api/programs/:id/part-overrides",
    async (request, reply): Promise<PartOverridesResponse> => {
      const id = parseOrThrow(recordIdSchema, request.params.id, "id");
      const { programs, failure } = programAccess(access, request, reply, deadlineMs);
      try {
        return { overrides: await programs.overrides(id) };
      } catch (error) {
        throw failure(error, `No program with id ${id}.`);
      }
    },
  );

  app.post<WithId>(
    "/api/programs/:id/part-overrides",
    async (request, reply): Promise<PartOverrideView> => {
      const id = parseOrThrow(recordIdSchema, request.params.id, "id");
      const body = parseOrThrow(createPartOverrideSchema, request.body);
      const { programs, failure } = programAccess(access, request, reply, deadlineMs);
      try {
        const created = await programs.createOverride(id, body);
        reply.status(201);
        return created;
      } catch (error) {
        throw failure(error, `No program with id ${id}.`);
      }
    },
  );

  app.get<WithOverride>(
    "/api/programs/:id/part-overrides/:overrideId",
    async (request, reply): Promise<PartOverrideView> => {
      const { programId, overrideId } = overrideIds(request.params);
      const { programs, failure } = programAccess(access, request, reply, deadlineMs);
      try {
        return await programs.override(programId, overrideId);
      } catch (error) {
        throw failure(error, `No part override ${overrideId} on program ${programId}.`);
      }
    },
  );

  app.patch<WithOverride>(
    "/api/programs/:id/part-overrides/:overrideId",
    async (request, reply): Promise<PartOverrideView> => {
      const { programId, overrideId } = overrideIds(request.params);
      const changes = parseOrThrow(updatePartOverrideSchema, request.body);
      const { programs, failure } = programAccess(access, request, reply, deadlineMs);
      try {
        return await programs.updateOverride(programId, overrideId, changes);
      } catch (error) {
        throw failure(error, `No part override ${overrideId} on program ${programId}.`);
      }
    },
  );

  app.delete<WithOverride>(
    "/api/programs/:id/part-overrides/:overrideId",
    async (request, reply): Promise<DeletedResponse> => {
      const { programId, overrideId } = overrideIds(request.params);
      const { programs, failure } = programAccess(access, request, reply, deadlineMs);
      try {
        await programs.removeOverride(programId, overrideId);
        return { id: overrideId, deleted: true };
      } catch (error) {
        throw failure(error, `No part override ${overrideId} on program ${programId}.`);
      }
    },
  );
}
