/** The emulator's Fastify app: fault injection and stats in front of the two mounts, plus admin routes. */
import { setTimeout as sleep } from "node:timers/promises";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import { REDACTED_PATHS } from "../logging";
import { getCatalogue } from "./catalogue";
import {
  DEFAULT_EMULATOR_CREDENTIALS,
  type EmulatorCredentials,
  type EmulatorOptions,
  type FaultSettings,
} from "./contract";
import {
  FaultController,
  faultSettingsSchema,
  parseFaultHeader,
  type InjectedStatus,
} from "./faults";
import { registerGraphRoutes } from "./graph/routes";
import { DEFAULT_JOB_LIMITS, JobRunner, type JobStatusWords } from "./platform/jobs";
import { DEFAULT_PROGRAM_LIMITS, ProgramStore } from "./platform/programs/store";
import { registerPlatformRoutes } from "./platform/routes";
import { BomStore, DEFAULT_STORE_LIMITS } from "./platform/store";
import { rememberRequestFault } from "./request-faults";
import { emptyStats, type EmulatorState } from "./state";

export interface EmulatorAppOptions extends EmulatorOptions {
  /** Job status vocabulary: Celery words (default) or queued/running/succeeded/failed. */
  jobStatusWords?: JobStatusWords;
}

export interface EmulatorApp {
  app: FastifyInstance;
  state: EmulatorState;
  /** Faults back to the start settings, stats zeroed, BOMs, programs and jobs forgotten. */
  resetAll(): void;
}

const FAULT_MESSAGES: Record<InjectedStatus, string> = {
  429: "Rate limit exceeded: too many concurrent requests.",
  500: "Internal server error.",
  502: "Bad Gateway.",
  504: "Request exceeded the maximum processing time.",
};

function mountOf(url: string): "graph" | "platform" | null {
  if (url === "/graph" || url.startsWith("/graph/") || url.startsWith("/graph?")) return "graph";
  if (url === "/platform" || url.startsWith("/platform/") || url.startsWith("/platform?")) {
    return "platform";
  }
  return null;
}

export function createEmulatorApp(options: EmulatorAppOptions = {}): EmulatorApp {
  const credentials: EmulatorCredentials = {
    ...DEFAULT_EMULATOR_CREDENTIALS,
    ...options.credentials,
  };
  const catalogue = getCatalogue();
  const limits = options.limits ?? {};
  const store = new BomStore(catalogue, {
    maxBoms: limits.maxBoms ?? DEFAULT_STORE_LIMITS.maxBoms,
    maxLines: limits.maxBomLines ?? DEFAULT_STORE_LIMITS.maxLines,
  });
  const state: EmulatorState = {
    catalogue,
    credentials,
    faults: new FaultController(options.faults),
    stats: emptyStats(),
    store,
    programs: new ProgramStore(catalogue, store, {
      ...DEFAULT_PROGRAM_LIMITS,
      maxPrograms: limits.maxPrograms ?? DEFAULT_PROGRAM_LIMITS.maxPrograms,
    }),
    jobs: new JobRunner(
      store,
      options.jobTiming ?? { mode: "polls" },
      options.jobStatusWords ?? "celery",
      {
        finishedLifetimeMs: limits.finishedJobLifetimeMs ?? DEFAULT_JOB_LIMITS.finishedLifetimeMs,
        maxJobs: limits.maxJobs ?? DEFAULT_JOB_LIMITS.maxJobs,
        maxPendingJobs: limits.maxPendingJobs ?? DEFAULT_JOB_LIMITS.maxPendingJobs,
      },
    ),
  };

  const app = Fastify({
    logger: options.log ? { level: "info", redact: REDACTED_PATHS } : false,
    bodyLimit: 10 * 1024 * 1024,
  });

  const reject = (reply: FastifyReply, status: InjectedStatus) => {
    state.stats.rejected += 1;
    if (status === 429 || status === 504) {
      void reply.header("Retry-After", String(state.faults.settings.retryAfterSeconds));
    }
    return reply.code(status).send({ detail: FAULT_MESSAGES[status] });
  };

  app.addHook("onRequest", async (request, reply) => {
    const mount = mountOf(request.url);
    if (!mount) return;
    state.stats.requests += 1;
    if (mount === "graph") state.stats.graphRequests += 1;
    else state.stats.platformRequests += 1;

    const fault = parseFaultHeader(request.headers["x-emulator-fault"]);
    if ("error" in fault) return reply.code(400).send({ detail: fault.error });
    if (!state.faults.admits()) return reject(reply, 429);

    // Counted until the response is gone, so injected latency holds its slot.
    state.faults.inFlight += 1;
    reply.raw.once("close", () => {
      state.faults.inFlight -= 1;
    });
    rememberRequestFault(request, fault);

    const delay = state.faults.settings.latencyMs + fault.delayMs;
    if (delay > 0) await sleep(delay);
    const status = fault.status ?? state.faults.drawGatewayFault();
    if (status !== null) return reject(reply, status);
  });

  app.setErrorHandler((rawError, request, reply) => {
    const error = rawError as Error & { statusCode?: number; code?: string };
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, "emulator request failed");
    // FastAPI answers an unreadable body with 422 json_invalid; Django-style code with 400.
    if (mountOf(request.url) === "graph" && error.code?.startsWith("FST_ERR_CTP")) {
      return reply.code(422).send({
        detail: [
          { loc: ["body"], msg: `JSON decode error: ${error.message}`, type: "json_invalid" },
        ],
      });
    }
    return reply
      .code(status)
      .send({ detail: status >= 500 ? "Internal server error." : error.message });
  });

  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ detail: "Not Found" }));

  app.register(async (graph) => registerGraphRoutes(graph, state), { prefix: "/graph" });
  app.register(async (platform) => registerPlatformRoutes(platform, state), {
    prefix: "/platform",
  });

  const resetAll = () => {
    state.faults.reset();
    state.stats = emptyStats();
    state.store.clear();
    state.programs.clear();
    state.jobs.clear();
  };

  app.register(
    async (admin) => {
      admin.get("/faults", async () => state.faults.settings);
      admin.post("/faults", async (request, reply) => {
        const parsed = faultSettingsSchema.safeParse(request.body ?? {});
        if (!parsed.success) {
          return reply.code(400).send({
            detail: parsed.error.issues
              .map((i) => `${i.path.join(".") || "body"}: ${i.message}`)
              .join("; "),
          });
        }
        state.faults.set(parsed.data as Partial<FaultSettings>);
        return state.faults.settings;
      });
      admin.post("/reset", async () => {
        resetAll();
        return { ok: true };
      });
      admin.get("/stats", async () => ({
        ...state.stats,
        inFlight: state.faults.inFlight,
        faults: state.faults.settings,
      }));
    },
    { prefix: "/__admin" },
  );

  return { app, state, resetAll };
}
