/**
 * The Platform mount (`/platform`): Django-style paths with a mandatory trailing slash,
 * `Authorization: Api-Key <key>`, django-ninja error bodies and `{items, count}` lists.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { EmulatorState } from "../state";
import { validationItems } from "../validation";
import { requestFault } from "../requestFaults";
import { bomPatchSchema, parseRawBomSchema, upsertLineSchema, upsertBomSchema } from "./schemas";
import { bomDetail, bomSummary, EMULATOR_ORG_ID } from "./store";

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  org_id: z.string().uuid().optional(),
});

function queryObject(request: FastifyRequest): Record<string, string> {
  const at = request.url.indexOf("?");
  return Object.fromEntries(new URLSearchParams(at === -1 ? "" : request.url.slice(at + 1)));
}

/** Validates limit/offset/org_id; answers 422/403 itself and returns null when they are bad. */
function readListQuery(request: FastifyRequest, reply: FastifyReply) {
  const parsed = listQuery.safeParse(queryObject(request), { reportInput: true });
  if (!parsed.success) {
    void reply.code(422).send({ detail: validationItems(parsed.error, "query") });
    return null;
  }
  if (parsed.data.org_id && parsed.data.org_id.toLowerCase() !== EMULATOR_ORG_ID) {
    void reply.code(403).send({ detail: "You do not have access to this org." });
    return null;
  }
  return parsed.data;
}

function page<T>(items: T[], limit: number, offset: number) {
  return { items: items.slice(offset, offset + limit), count: items.length };
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
    const boms = state.store
      .list()
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
    if (bom.approved) return reply.code(400).send({ detail: "An approved BOM cannot be changed." });
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
    return reply.send(state.store.addRawLine(bom, parsed.data));
  });

  platform.get<{ Params: { bomId: string; lineId: string } }>(
    "/v1/boms/:bomId/lines/:lineId/",
    (request, reply) => {
      const line = state.store
        .get(request.params.bomId)
        ?.lines.find((candidate) => candidate.id === request.params.lineId.toLowerCase());
      if (!line) return reply.code(404).send({ detail: "Not Found" });
      return reply.send(line);
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
}
