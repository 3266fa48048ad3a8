/** The Knowledge Graph mount (`/graph`): FastAPI's paths, auth headers and error shapes. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { GRAPH_BATCH_MAX } from "../../../core/cofactr";
import type { EmulatorState } from "../state";
import { validationItems } from "../validation";
import { readInteger, type FastApiErrorItem } from "./query";
import {
  autocompleteProducts,
  listProducts,
  runRelativeUrl,
  viewProduct,
  type GraphOutcome,
} from "./service";

const batchSchema = z.object({
  batch: z
    .array(z.object({ method: z.literal("GET"), relative_url: z.string() }))
    .min(1)
    .max(GRAPH_BATCH_MAX),
});

function queryOf(request: FastifyRequest): URLSearchParams {
  const at = request.url.indexOf("?");
  return new URLSearchParams(at === -1 ? "" : request.url.slice(at + 1));
}

export function registerGraphRoutes(graph: FastifyInstance, state: EmulatorState): void {
  const send = (reply: FastifyReply, outcome: GraphOutcome) => {
    state.stats.meteredParts += outcome.metered;
    return reply.code(outcome.code).send(outcome.body);
  };

  graph.addHook("onRequest", async (request, reply) => {
    const clientId = request.headers["x-client-id"];
    const apiKey = request.headers["x-api-key"];
    if (clientId === undefined || apiKey === undefined) {
      return reply.code(401).send({ detail: "Missing X-CLIENT-ID or X-API-KEY header." });
    }
    if (clientId !== state.credentials.graphClientId || apiKey !== state.credentials.graphApiKey) {
      return reply.code(401).send({ detail: "Invalid client ID or API key." });
    }
  });

  // FastAPI redirects a missing trailing slash; clients that follow redirects still arrive.
  for (const [method, path] of [
    ["GET", "/products"],
    ["POST", "/batch/products"],
  ] as const) {
    graph.route({
      method,
      url: path,
      handler: (request, reply) => {
        const at = request.url.indexOf("?");
        const query = at === -1 ? "" : request.url.slice(at);
        return reply.redirect(`/graph${path}/${query}`, 307);
      },
    });
  }

  graph.get("/products/", (request, reply) =>
    send(reply, listProducts(state.catalogue, queryOf(request))),
  );

  graph.get("/products/autocompletions/", (request, reply) =>
    send(reply, autocompleteProducts(state.catalogue, queryOf(request))),
  );

  graph.get<{ Params: { id: string } }>("/products/:id", (request, reply) =>
    send(reply, viewProduct(state.catalogue, request.params.id, queryOf(request))),
  );

  graph.post("/batch/products/", (request, reply) => {
    const errors: FastApiErrorItem[] = [];
    readInteger(queryOf(request), "timeout", { fallback: 0 }, errors);
    const parsed = batchSchema.safeParse(request.body ?? undefined, { reportInput: true });
    if (!parsed.success) errors.push(...validationItems(parsed.error, "body"));
    if (errors.length > 0 || !parsed.success) {
      return reply.code(422).send({ detail: errors });
    }
    const results = parsed.data.batch.map((member) => {
      const outcome = runRelativeUrl(state.catalogue, member.relative_url);
      state.stats.meteredParts += outcome.metered;
      return { code: outcome.code, body: outcome.body };
    });
    return reply.code(200).send(results);
  });
}
