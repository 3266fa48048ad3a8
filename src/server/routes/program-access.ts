/** What every /api program route starts with: the caller's Platform access, bound to the
 * request's deadline, as a Programs client; and how its failures reach the caller. */
import type { FastifyReply, FastifyRequest } from "fastify";
import { ProgramClient } from "../upstream/program-client";
import type { PlatformAccess, UpstreamAccess } from "../upstream/access";
import { refusedEdit } from "./bom-refusal";
import { requestDeadline } from "./deadline";

export interface ProgramAccess {
  programs: ProgramClient;
  platform: PlatformAccess;
  /** The upstream failure as the /api error: 404 `notFound`, 409 `program_refused` when
   * Cofactr refused a change it understood, the usual mapping otherwise. */
  failure(error: unknown, notFound: string): unknown;
}

export function programAccess(
  access: UpstreamAccess,
  request: FastifyRequest,
  reply: FastifyReply,
  deadlineMs: number,
): ProgramAccess {
  const platform = access.platformFor(request.headers, requestDeadline(reply, deadlineMs));
  return {
    programs: new ProgramClient(platform.client),
    platform,
    failure: (error, notFound) => refusedEdit(error, platform, notFound, "program_refused"),
  };
}
