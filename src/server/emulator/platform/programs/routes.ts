/**
 * The emulated Programs API under `/v1/programs/`. Cofactr lists these operations but has not
 * published their paths or shapes: the paths follow the confirmed pattern (snake_case, trailing
 * slash), the shapes are the emulator's design (see src/core/cofactr-programs.ts, which the
 * server reads them with).
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { z } from "zod";
import { requestFault } from "../../request-faults";
import type { EmulatorState } from "../../state";
import { validationItems } from "../../validation";
import { page, readListQuery } from "../list-query";
import { programAvailability } from "./availability";
import { programReferencePricing } from "./reference-pricing";
import {
  partOverrideCreateSchema,
  partOverridePatchSchema,
  programCreateSchema,
  programLineCreateSchema,
  programLinePatchSchema,
  programPatchSchema,
} from "./schemas";
import {
  programDetail,
  programLineView,
  programSummary,
  ProgramRefusal,
  UnknownProgramPartError,
  type Program,
} from "./store";

type ProgramParams = { Params: { programId: string } };
type LineParams = { Params: { programId: string; lineId: string } };
type OverrideParams = { Params: { programId: string; overrideId: string } };

const NOT_FOUND = { detail: "Not Found" };

/** The parsed body, or null after answering 422 in django-ninja's shape. */
function bodyOf<S extends z.ZodType>(
  schema: S,
  body: unknown,
  reply: FastifyReply,
): z.output<S> | null {
  const parsed = schema.safeParse(body, { reportInput: true });
  if (parsed.success) return parsed.data;
  void reply.code(422).send({ detail: validationItems(parsed.error, "body") });
  return null;
}

/** A refused or impossible change as the Platform answers it (400, or 422 for a bad CPID). */
function refusal(error: unknown, reply: FastifyReply): FastifyReply {
  if (error instanceof ProgramRefusal) return reply.code(400).send({ detail: error.message });
  if (error instanceof UnknownProgramPartError) {
    return reply.code(422).send({
      detail: [{ loc: ["body", error.field], msg: error.message, type: "value_error" }],
    });
  }
  throw error;
}

export function registerProgramRoutes(platform: FastifyInstance, state: EmulatorState): void {
  const programs = state.programs;
  const find = (id: string): Program | undefined => programs.get(id);

  platform.get("/v1/programs/", (request, reply) => {
    const query = readListQuery(request, reply);
    if (!query) return reply;
    const needle = query.search?.trim().toLowerCase() ?? "";
    const found = programs
      .list()
      .reverse()
      .filter((program) => needle === "" || program.name.toLowerCase().includes(needle))
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
      .map(programSummary);
    return reply.send(page(found, query.limit, query.offset));
  });

  platform.post("/v1/programs/", (request, reply) => {
    const input = bodyOf(programCreateSchema, request.body, reply);
    if (!input) return reply;
    try {
      return reply.code(201).send(programDetail(state.store, programs.create(input)));
    } catch (error) {
      return refusal(error, reply);
    }
  });

  platform.get<ProgramParams>("/v1/programs/:programId/", (request, reply) => {
    const program = find(request.params.programId);
    if (!program) return reply.code(404).send(NOT_FOUND);
    return reply.send(programDetail(state.store, program));
  });

  platform.patch<ProgramParams>("/v1/programs/:programId/", (request, reply) => {
    const program = find(request.params.programId);
    if (!program) return reply.code(404).send(NOT_FOUND);
    const changes = bodyOf(programPatchSchema, request.body, reply);
    if (!changes) return reply;
    return reply.send(programDetail(state.store, programs.update(program, changes)));
  });

  platform.delete<ProgramParams>("/v1/programs/:programId/", (request, reply) => {
    const program = find(request.params.programId);
    if (!program) return reply.code(404).send(NOT_FOUND);
    programs.remove(program);
    return reply.code(204).send();
  });

  platform.get<ProgramParams>("/v1/programs/:programId/lines/", (request, reply) => {
    const query = readListQuery(request, reply);
    if (!query) return reply;
    const program = find(request.params.programId);
    if (!program) return reply.code(404).send(NOT_FOUND);
    const lines = program.lines.map((line) => programLineView(state.store, line));
    return reply.send(page(lines, query.limit, query.offset));
  });

  platform.post<ProgramParams>("/v1/programs/:programId/lines/", (request, reply) => {
    const program = find(request.params.programId);
    if (!program) return reply.code(404).send(NOT_FOUND);
    const input = bodyOf(programLineCreateSchema, request.body, reply);
    if (!input) return reply;
    try {
      return reply.code(201).send(programLineView(state.store, programs.addLine(program, input)));
    } catch (error) {
      return refusal(error, reply);
    }
  });

  const lineOf = (params: LineParams["Params"]) => {
    const program = find(params.programId);
    const line = program?.lines.find((candidate) => candidate.id === params.lineId.toLowerCase());
    return program && line ? { program, line } : null;
  };

  platform.get<LineParams>("/v1/programs/:programId/lines/:lineId/", (request, reply) => {
    const found = lineOf(request.params);
    if (!found) return reply.code(404).send(NOT_FOUND);
    return reply.send(programLineView(state.store, found.line));
  });

  platform.patch<LineParams>("/v1/programs/:programId/lines/:lineId/", (request, reply) => {
    const found = lineOf(request.params);
    if (!found) return reply.code(404).send(NOT_FOUND);
    const changes = bodyOf(programLinePatchSchema, request.body, reply);
    if (!changes) return reply;
    try {
      const line = programs.updateLine(found.program, found.line, changes);
      return reply.send(programLineView(state.store, line));
    } catch (error) {
      return refusal(error, reply);
    }
  });

  platform.delete<LineParams>("/v1/programs/:programId/lines/:lineId/", (request, reply) => {
    const found = lineOf(request.params);
    if (!found) return reply.code(404).send(NOT_FOUND);
    programs.removeLine(found.program, found.line);
    return reply.code(204).send();
  });

  platform.get<ProgramParams>("/v1/programs/:programId/availabilities/", (request, reply) => {
    const program = find(request.params.programId);
    if (!program) return reply.code(404).send(NOT_FOUND);
    return reply.send(programAvailability(program, state.store, state.catalogue));
  });

  platform.get<ProgramParams>("/v1/programs/:programId/availabilities_async/", (request, reply) => {
    const program = find(request.params.programId);
    if (!program) return reply.code(404).send(NOT_FOUND);
    const fails = requestFault(request).jobFail || state.faults.takeJobFailure();
    // Computed when the job finishes, from the program as it is then (or a failure if it is
    // gone by then), as a queued Celery task would.
    const programId = program.id;
    const jobId = state.jobs.createTask(() => {
      const current = find(programId);
      if (!current) return { error: "The program no longer exists." };
      return { result: programAvailability(current, state.store, state.catalogue) };
    }, fails);
    return reply.type("application/json; charset=utf-8").send(JSON.stringify(jobId));
  });

  platform.get<ProgramParams>("/v1/programs/:programId/reference_pricing/", (request, reply) => {
    const program = find(request.params.programId);
    if (!program) return reply.code(404).send(NOT_FOUND);
    return reply.send(programReferencePricing(program, state.store, state.catalogue));
  });

  platform.get<ProgramParams>("/v1/programs/:programId/part_overrides/", (request, reply) => {
    const query = readListQuery(request, reply);
    if (!query) return reply;
    const program = find(request.params.programId);
    if (!program) return reply.code(404).send(NOT_FOUND);
    return reply.send(page(program.overrides, query.limit, query.offset));
  });

  platform.post<ProgramParams>("/v1/programs/:programId/part_overrides/", (request, reply) => {
    const program = find(request.params.programId);
    if (!program) return reply.code(404).send(NOT_FOUND);
    const input = bodyOf(partOverrideCreateSchema, request.body, reply);
    if (!input) return reply;
    try {
      return reply.code(201).send(programs.addOverride(program, input));
    } catch (error) {
      return refusal(error, reply);
    }
  });

  const overrideOf = (params: OverrideParams["Params"]) => {
    const program = find(params.programId);
    const id = params.overrideId.toLowerCase();
    const override = program?.overrides.find((candidate) => candidate.id === id);
    return program && override ? { program, override } : null;
  };

  platform.get<OverrideParams>(
    "/v1/programs/:programId/part_overrides/:overrideId/",
    (request, reply) => {
      const found = overrideOf(request.params);
      if (!found) return reply.code(404).send(NOT_FOUND);
      return reply.send(found.override);
    },
  );

  platform.patch<OverrideParams>(
    "/v1/programs/:programId/part_overrides/:overrideId/",
    (request, reply) => {
      const found = overrideOf(request.params);
      if (!found) return reply.code(404).send(NOT_FOUND);
      const changes = bodyOf(partOverridePatchSchema, request.body, reply);
      if (!changes) return reply;
      try {
        return reply.send(programs.updateOverride(found.program, found.override, changes));
      } catch (error) {
        return refusal(error, reply);
      }
    },
  );

  platform.delete<OverrideParams>(
    "/v1/programs/:programId/part_overrides/:overrideId/",
    (request, reply) => {
      const found = overrideOf(request.params);
      if (!found) return reply.code(404).send(NOT_FOUND);
      programs.removeOverride(found.program, found.override);
      return reply.code(204).send();
    },
  );
}
