/**
 * The Platform mount (`/platform`): Django-style paths with a mandatory trailing slash,
 * `Authorization: Api-Key <key>`, django-ninja error bodies and `{items, count}` lists.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import type { EmulatorState } from "../state";
import { validationItems } from "../validation";
import { requestFault } from "../request-faults";
import { APPROVED_BOM_MESSAGE } from "./jobs";
import { addPartLine, patchLine, removeLine, UnknownPartError } from "./line-edits";
import {
  bomPatchSchema,
  linePatchSchema,
  parseRawBomSchema,
  partLineSchema,
  upsertLineSchema,
  upsertBomSchema,
} from "./schemas";
import { page, readListQuery } from "./list-query";
import { registerProgramRoutes } from "./programs/routes";
import { bomDetail, bomSummary, type Bom } from "./store";

/** An approved (or archived) BOM keeps its lines as approved: every line edit is refused. */
const APPROVED_REFUSAL = { detail: APPROVED_BOM_MESSAGE };

function unknownPart(error: unknown, reply: FastifyReply): FastifyReply {
  if (!(error instanceof UnknownPartError)) throw error;
  return reply.code(422).send({
    detail: [{ loc: ["body", "part"], msg: error.message, type: "value_error" }],
  });
}

function lineOf(bom: Bom | undefined, lineId: string) {
  return bom?.lines.find((candidate) => candidate.id === lineId.toLowerCase());
}

export function registerPlatformRoutes(platform: FastifyInstance, state: EmulatorState): void {
  platform.addHook("onRequest", async (request, reply) => {
    const expected = `Api-Key ${state.credentials.platformApiKey}`;
    if (request.headers.authorization !== expected) {
      return reply.code(401).send({ detail: "Unauthorized" });
    }
  });

  platform.get("/v1/boms/", (request, reply) => {
    const query = readListQuery(request, reply);
    if (!query) return reply;
    const needle = query.search?.trim().toLowerCase() ?? "";
    // Reversed first: the stable sort then keeps BOMs made in the same millisecond newest first.
    const boms = state.store
      .list()
      .reverse()
      .filter((bom) => needle === "" || bom.name.toLowerCase().includes(needle))
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
      .map(bomSummary);
    return reply.send(page(boms, query.limit, query.offset));
  });

  platform.get<{ Params: { bomId: string } }>("/v1/boms/:bomId/", (request, reply) => {
    const bom = state.store.get(request.params.bomId);
    if (!bom) return reply.code(404).send({ detail: "Not Found" });
    return reply.send(bomDetail(bom));
  });

  platform.patch<{ Params: { bomId: string } }>("/v1/boms/:bomId/", (request, reply) => {
    const bom = state.store.get(request.params.bomId);
    if (!bom) return reply.code(404).send({ detail: "Not Found" });
    const parsed = bomPatchSchema.safeParse(request.body, { reportInput: true });
    if (!parsed.success) {
      return reply.code(422).send({ detail: validationItems(parsed.error, "body") });
    }
    if (bom.approved) return reply.code(400).send(APPROVED_REFUSAL);
    return reply.send(bomDetail(state.store.update(bom, parsed.data)));
  });

  platform.delete<{ Params: { bomId: string } }>("/v1/boms/:bomId/", (request, reply) => {
    const bom = state.store.get(request.params.bomId);
    if (!bom) return reply.code(404).send({ detail: "Not Found" });
    if (state.store.remove(bom) === "deleted") return reply.code(204).send();
    return reply.send(bomDetail(bom));
  });

  platform.post<{ Params: { bomId: string } }>("/v1/boms/:bomId/approve/", (request, reply) => {
    const bom = state.store.get(request.params.bomId);
    if (!bom) return reply.code(404).send({ detail: "Not Found" });
    if (bom.approved) return reply.code(400).send({ detail: "The BOM is already approved." });
    return reply.send(bomDetail(state.store.update(bom, {}, { approved: true })));
  });

  platform.post<{ Params: { bomId: string } }>("/v1/boms/:bomId/raw_lines/", (request, reply) => {
    const bom = state.store.get(request.params.bomId);
    if (!bom) return reply.code(404).send({ detail: "Not Found" });
    const parsed = upsertLineSchema.safeParse(request.body, { reportInput: true });
    if (!parsed.success) {
      return reply.code(422).send({ detail: validationItems(parsed.error, "body") });
    }
    if (bom.approved || bom.archived) return reply.code(400).send(APPROVED_REFUSAL);
    return reply.send(state.store.addRawLine(bom, parsed.data));
  });

  platform.post<{ Params: { bomId: string } }>("/v1/boms/:bomId/lines/", (request, reply) => {
    const bom = state.store.get(request.params.bomId);
    if (!bom) return reply.code(404).send({ detail: "Not Found" });
    const parsed = partLineSchema.safeParse(request.body, { reportInput: true });
    if (!parsed.success) {
      return reply.code(422).send({ detail: validationItems(parsed.error, "body") });
    }
    if (bom.approved || bom.archived) return reply.code(400).send(APPROVED_REFUSAL);
    try {
      return reply.send(addPartLine(state.catalogue, bom, parsed.data).line);
    } catch (error) {
      return unknownPart(error, reply);
    }
  });

  platform.get<{ Params: { bomId: string; lineId: string } }>(
    "/v1/boms/:bomId/lines/:lineId/",
    (request, reply) => {
      const line = lineOf(state.store.get(request.params.bomId), request.params.lineId);
      if (!line) return reply.code(404).send({ detail: "Not Found" });
      return reply.send(line);
    },
  );

  platform.patch<{ Params: { bomId: string; lineId: string } }>(
    "/v1/boms/:bomId/lines/:lineId/",
    (request, reply) => {
      const bom = state.store.get(request.params.bomId);
      const line = lineOf(bom, request.params.lineId);
      if (!bom || !line) return reply.code(404).send({ detail: "Not Found" });
      const parsed = linePatchSchema.safeParse(request.body, { reportInput: true });
      if (!parsed.success) {
        return reply.code(422).send({ detail: validationItems(parsed.error, "body") });
      }
      if (bom.approved || bom.archived) return reply.code(400).send(APPROVED_REFUSAL);
      try {
        // When the edit made it a duplicate, the answer is the line it was summed into.
        return reply.send(patchLine(state.catalogue, bom, line, parsed.data).line);
      } catch (error) {
        return unknownPart(error, reply);
      }
    },
  );

  platform.delete<{ Params: { bomId: string; lineId: string } }>(
    "/v1/boms/:bomId/lines/:lineId/",
    (request, reply) => {
      const bom = state.store.get(request.params.bomId);
      const line = lineOf(bom, request.params.lineId);
      if (!bom || !line) return reply.code(404).send({ detail: "Not Found" });
      if (bom.approved || bom.archived) return reply.code(400).send(APPROVED_REFUSAL);
      removeLine(bom, line);
      return reply.code(204).send();
    },
  );

  platform.get<{ Params: { bomId: string } }>("/v1/boms/:bomId/lines/", (request, reply) => {
    const query = readListQuery(request, reply);
    if (!query) return reply;
    const bom = state.store.get(request.params.bomId);
    if (!bom) return reply.code(404).send({ detail: "Not Found" });
    return reply.send(page(bom.lines, query.limit, query.offset));
  });

  platform.post("/v1/parse_raw_bom/", (request, reply) => {
    const parsed = parseRawBomSchema.safeParse(request.body, { reportInput: true });
    if (!parsed.success) {
      return reply.code(422).send({ detail: validationItems(parsed.error, "body") });
    }
    return reply.send(bomDetail(state.store.createFromRaw(parsed.data)));
  });

  platform.put("/v1/integrations/async_boms/", (request, reply) => {
    const parsed = upsertBomSchema.safeParse(request.body, { reportInput: true });
    if (!parsed.success) {
      return reply.code(422).send({ detail: validationItems(parsed.error, "body") });
    }
    const fails = requestFault(request).jobFail || state.faults.takeJobFailure();
    const jobId = state.jobs.create(parsed.data, fails);
    // A bare JSON string, as the Upsert BOM Async page documents.
    return reply.type("application/json; charset=utf-8").send(JSON.stringify(jobId));
  });

  platform.get<{ Params: { jobId: string } }>("/v1/async_jobs/:jobId/", (request, reply) => {
    const job = state.jobs.poll(request.params.jobId);
    if (!job) return reply.code(404).send({ detail: "Not Found" });
    return reply.send(job);
  });

  registerProgramRoutes(platform, state);
}
