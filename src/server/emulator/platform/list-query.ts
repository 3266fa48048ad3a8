/** Paginated Platform lists: `limit`/`offset`/`org_id` query checks and `{items, count}` pages. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { validationItems } from "../validation";
import { EMULATOR_ORG_ID } from "./store";

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  org_id: z.string().uuid().optional(),
  /** BOM and program lists: a case-insensitive part of the name. */
  search: z.string().max(255).optional(),
});

export function queryObject(request: FastifyRequest): Record<string, string> {
  const at = request.url.indexOf("?");
  return Object.fromEntries(new URLSearchParams(at === -1 ? "" : request.url.slice(at + 1)));
}

/** Validates limit/offset/org_id; answers 422/403 itself and returns null when they are bad. */
export function readListQuery(request: FastifyRequest, reply: FastifyReply) {
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

export function page<T>(items: T[], limit: number, offset: number) {
  return { items: items.slice(offset, offset + limit), count: items.length };
}
