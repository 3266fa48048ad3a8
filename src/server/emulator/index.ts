/**
 * The embedded Cofactr emulator: a real HTTP implementation of the Knowledge Graph (`/graph`)
 * and the Platform API (`/platform`) on loopback, with a generated catalogue and fault injection.
 *
 * Knowledge Graph (X-CLIENT-ID + X-API-KEY): GET /graph/products/, /graph/products/{id},
 *   /graph/products/autocompletions/, POST /graph/batch/products/.
 * Platform (Authorization: Api-Key <key>, trailing slash required): /platform/v1/boms/,
 *   /v1/boms/{id}/ (GET, PATCH, DELETE), /v1/boms/{id}/approve/, /v1/boms/{id}/lines/[{id}/],
 *   /v1/boms/{id}/raw_lines/, /v1/parse_raw_bom/, PUT /v1/integrations/async_boms/,
 *   /v1/async_jobs/{id}/, and Programs: /v1/programs/[{id}/], its lines/[{id}/],
 *   part_overrides/[{id}/], availabilities/, availabilities_async/ (a job), reference_pricing/.
 * Faults: options.faults, setFaults(), POST /__admin/faults, POST /__admin/reset,
 *   GET /__admin/stats, and per request `X-Emulator-Fault: 429|500|502|504|delay=<ms>|job-fail`.
 */
import { createEmulatorApp, type EmulatorAppOptions } from "./app";
import type { EmulatorOptions, RunningEmulator } from "./contract";
import { emptyStats } from "./state";

export * from "./contract";
export { createEmulatorApp } from "./app";
export type { EmulatorApp, EmulatorAppOptions } from "./app";
export { getCatalogue } from "./catalogue";

function hostForUrl(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startEmulator(
  options: EmulatorOptions & EmulatorAppOptions = {},
): Promise<RunningEmulator> {
  const { app, state } = createEmulatorApp(options);
  const host = options.host ?? "127.0.0.1";
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
  const url = `http://${hostForUrl(host)}:${port}`;
  return {
    url,
    graphUrl: `${url}/graph`,
    platformUrl: `${url}/platform`,
    credentials: { ...state.credentials },
    setFaults: (faults) => state.faults.set(faults),
    resetFaults: () => state.faults.reset(),
    stats: () => ({ ...state.stats }),
    resetStats: () => {
      state.stats = emptyStats();
    },
    close: async () => {
      state.jobs.clear();
      await app.close();
    },
  };
}
