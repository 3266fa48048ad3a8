/** The one overall deadline of an /api request, counted from when it arrived. */
import type { FastifyReply } from "fastify";
import type { RequestDeadline } from "../upstream/resilience";

export function requestDeadline(reply: FastifyReply, deadlineMs: number): RequestDeadline {
  return { at: Date.now() - reply.elapsedTime + deadlineMs, ms: deadlineMs };
}
