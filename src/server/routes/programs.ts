/** /api programs: list (paged, search by name), create, get, update, delete, and their lines. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type {
  DeletedResponse,
  ProgramLineView,
  ProgramLinesResponse,
  ProgramListResponse,
  ProgramResponse,
} from "../../core/api-programs";
import {
  createProgramSchema,
  programLineSchema,
  programListQuerySchema,
  updateProgramLineSchema,
  updateProgramSchema,
} from "../programs/schemas";
import type { UpstreamAccess } from "../upstream/access";
import { parseOrThrow, recordIdSchema } from "../validation";
import { programAccess } from "./program-access";

type WithId = { Params: { id: string } };
type WithLine = { Params: { id: string; lineId: string } };

function lineIds(params: { id: string; lineId: string }) {
  return {
    programId: parseOrThrow(recordIdSchema, params.id, "id"),
    lineId: parseOrThrow(recordIdSchema, params.lineId, "lineId"),
  };
}

export function registerProgramRoutes(
  app: FastifyInstance,
  access: UpstreamAccess,
  deadlineMs: number,
): void {
  const open = (request: FastifyRequest, reply: FastifyReply) =>
    programAccess(access, request, reply, deadlineMs);

  app.get("/api/programs", async (request, reply): Promise<ProgramListResponse> => {
    const query = parseOrThrow(programListQuerySchema, request.query, "query");
    const { programs, failure } = open(request, reply);
    const search = query.search?.trim() ?? "";
    try {
      const page = await programs.list({
        ...(search ? { search } : {}),
        limit: query.limit,
        offset: query.offset,
      });
      return { ...page, limit: query.limit, offset: query.offset };
    } catch (error) {
      throw failure(error, "Cofactr has no program list.");
    }
  });

  app.post("/api/programs", async (request, reply): Promise<ProgramResponse> => {
    const body = parseOrThrow(createProgramSchema, request.body);
    const { programs, failure } = open(request, reply);
    try {
      const program = await programs.create(body);
      reply.status(201);
      return program;
    } catch (error) {
      throw failure(error, "Cofactr has no program create.");
    }
  });

  app.get<WithId>("/api/programs/:id", async (request, reply): Promise<ProgramResponse> => {
    const id = parseOrThrow(recordIdSchema, request.params.id, "id");
    const { programs, failure } = open(request, reply);
    try {
      return await programs.get(id);
    } catch (error) {
      throw failure(error, `No program with id ${id}.`);
    }
  });

  app.patch<WithId>("/api/programs/:id", async (request, reply): Promise<ProgramResponse> => {
    const id = parseOrThrow(recordIdSchema, request.params.id, "id");
    const changes = parseOrThrow(updateProgramSchema, request.body);
    const { programs, failure } = open(request, reply);
    try {
      return await programs.update(id, changes);
    } catch (error) {
      throw failure(error, `No program with id ${id}.`);
    }
  });

  app.delete<WithId>("/api/programs/:id", async (request, reply): Promise<DeletedResponse> => {
    const id = parseOrThrow(recordIdSchema, request.params.id, "id");
    const { programs, failure } = open(request, reply);
    try {
      await programs.remove(id);
      return { id, deleted: true };
    } catch (error) {
      throw failure(error, `No program with id ${id}.`);
    }
  });

  app.get<WithId>(
    "/api/programs/:id/lines",
    async (request, reply): Promise<ProgramLinesResponse> => {
      const id = parseOrThrow(recordIdSchema, request.params.id, "id");
      const { programs, failure } = open(request, reply);
      try {
        return { lines: await programs.lines(id) };
      } catch (error) {
        throw failure(error, `No program with id ${id}.`);
      }
    },
  );

  app.post<WithId>("/api/programs/:id/lines", async (request, reply): Promise<ProgramLineView> => {
    const id = parseOrThrow(recordIdSchema, request.params.id, "id");
    const line = parseOrThrow(programLineSchema, request.body);
    const { programs, failure } = open(request, reply);
    try {
      const created = await programs.createLine(id, line);
      reply.status(201);
      return created;
    } catch (error) {
      throw failure(error, `No program with id ${id}.`);
    }
  });

  app.get<WithLine>(
    "/api/programs/:id/lines/:lineId",
    async (request, reply): Promise<ProgramLineView> => {
      const { programId, lineId } = lineIds(request.params);
      const { programs, failure } = open(request, reply);
      try {
        return await programs.line(programId, lineId);
      } catch (error) {
        throw failure(error, `No line ${lineId} on program ${programId}.`);
      }
    },
  );

  app.patch<WithLine>(
    "/api/programs/:id/lines/:lineId",
    async (request, reply): Promise<ProgramLineView> => {
      const { programId, lineId } = lineIds(request.params);
      const changes = parseOrThrow(updateProgramLineSchema, request.body);
      const { programs, failure } = open(request, reply);
      try {
        return await programs.updateLine(programId, lineId, changes);
      } catch (error) {
        throw failure(error, `No line ${lineId} on program ${programId}.`);
      }
    },
  );

  app.delete<WithLine>(
    "/api/programs/:id/lines/:lineId",
    async (request, reply): Promise<DeletedResponse> => {
      const { programId, lineId } = lineIds(request.params);
      const { programs, failure } = open(request, reply);
      try {
        await programs.removeLine(programId, lineId);
        return { id: lineId, deleted: true };
      } catch (error) {
        throw failure(error, `No line ${lineId} on program ${programId}.`);
      }
    },
  );
}
