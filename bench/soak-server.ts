/**
 * The server under soak (a child of bench/soak.ts): `npm start`'s server at the default
 * settings, over plain HTTP, with its embedded emulator or, when its parent passes
 * SOAK_UPSTREAM, in Cofactr mode against an emulator running in another process. It tells its
 * parent its address, and its memory whenever asked.
 */
import type { EmulatorCredentials } from "../src/server/emulator/contract";
import { startAddinServer } from "../src/server/start";

export interface SoakUpstream {
  graphUrl: string;
  platformUrl: string;
  credentials: EmulatorCredentials;
  gatewayToken: string;
}

export interface SoakMemory {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  /** The highest RSS the process has had so far. */
  peakRss: number;
}

/** Never the operator's own Cofactr keys: the embedded emulator, or the soak's own emulator. */
function environment(): Record<string, string | undefined> {
  const upstream = process.env.SOAK_UPSTREAM;
  if (!upstream) return { ...process.env, COFACTR_MODE: "emulator" };
  const apart = JSON.parse(upstream) as SoakUpstream;
  return {
    ...process.env,
    COFACTR_MODE: "cofactr",
    COFACTR_GRAPH_URL: apart.graphUrl,
    COFACTR_PLATFORM_URL: apart.platformUrl,
    COFACTR_CLIENT_ID: apart.credentials.graphClientId,
    COFACTR_GRAPH_API_KEY: apart.credentials.graphApiKey,
    COFACTR_PLATFORM_API_KEY: apart.credentials.platformApiKey,
    GATEWAY_TOKENS: apart.gatewayToken,
  };
}

async function main(): Promise<void> {
  const server = await startAddinServer({ env: environment() });
  const send = (message: unknown) => process.send?.(message);
  process.on("message", (message) => {
    if (message === "memory") {
      // Collected first, so that the figure is what is held, not what awaits collection.
      const collect = (globalThis as { gc?: () => void }).gc;
      collect?.();
      collect?.();
      const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
      // maxRSS is in kilobytes.
      const peakRss = process.resourceUsage().maxRSS * 1024;
      send({ memory: { rss, heapTotal, heapUsed, external, peakRss } satisfies SoakMemory });
    } else if (message === "stop") {
      void server.close().then(() => process.exit(0));
    }
  });
  send({ url: server.url });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
