/**
 * /api program availability (sync, and async as a job followed like the BOM upload's) and
 * reference pricing, as Cofactr computes them for the program's build quantities.
 */
import type { FastifyInstance } from "fastify";
import type {
  ProgramAvailabilityJobResponse,
  ProgramAvailabilityJobStarted,
  ProgramAvailabilityResponse,
  ProgramReferencePricingResponse,
} from "../../core/api-programs";
import { jobStateOf } from "../boms/job-status";
import { errorText } from "../boms/views";
import type { UpstreamAccess } from "../upstream/access";
import { parseOrThrow, recordIdSchema } from "../validation";
import { programAccess } from "./program-access";

type WithId = { Params: { id: string } };
type WithJob = { Params: { id: string; jobId: string } };

export function registerProgramInsightRoutes(
  app: FastifyInstance,
  access: UpstreamAccess,
  deadlineMs: number,
): void {
  app.get<WithId>(
    "/api/programs/:id/availability",
    async (request, reply): Promise<ProgramAvailabilityResponse> => {
      const id = parseOrThrow(recordIdSchema, request.params.id, "id");
      const { programs, failure } = programAccess(access, request, reply, deadlineMs);
      try {
        return await programs.availability(id);
      } catch (error) {
        throw failure(error, `No program with id ${id}.`);
      }
    },
  );

  // Starting the job is not safe to repeat, hence POST (Cofactr's own call is a GET).
  app.post<WithId>(
    "/api/programs/:id/availability/jobs",
    async (request, reply): Promise<ProgramAvailabilityJobStarted> => {
      const id = parseOrThrow(recordIdSchema, request.params.id, "id");
      const { programs, failure } = programAccess(access, request, reply, deadlineMs);
      try {
        const jobId = await programs.startAvailabilityJob(id);
        reply.status(202);
        return { job_id: jobId };
      } catch (error) {
        throw failure(error, `No program with id ${id}.`);
      }
    },
  );

  app.get<WithJob>(
    "/api/programs/:id/availability/jobs/:jobId",
    async (request, reply): Promise<ProgramAvailabilityJobResponse> => {
      parseOrThrow(recordIdSchema, request.params.id, "id");
      const jobId = parseOrThrow(recordIdSchema, request.params.jobId, "jobId");
      const { programs, failure } = programAccess(access, request, reply, deadlineMs);
      try {
        const job = await programs.availabilityJob(jobId);
        return {
          id: job.id,
          state: jobStateOf(job.status),
          raw_status: job.status,
          error: errorText(job.error),
          availability: job.availability,
        };
      } catch (error) {
        throw failure(error, `No job with id ${jobId}.`);
      }
    },
  );

  app.get<WithId>(
    "/api/programs/:id/reference-pricing",
    async (request, reply): Promise<ProgramReferencePricingResponse> => {
      const id = parseOrThrow(recordIdSchema, request.params.id, "id");
      const { programs, failure } = programAccess(access, request, reply, deadlineMs);
      try {
        return await programs.referencePricing(id);
      } catch (error) {
        throw failure(error, `No program with id ${id}.`);
      }
    },
  );
}
