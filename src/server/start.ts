/**
 * Starts the add-in server, and in emulator mode the embedded Cofactr emulator it talks to.
 * Used by `npm start` (main.ts), the tests, the CLI tests and the benches.
 */
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import { loadOrCreateCertificates } from "./certs";
import { readConfig, type ServerConfig } from "./config";
import type { EmulatorOptions, RunningEmulator } from "./emulator/contract";
import { loggerOptions } from "./logging";
import type { Clock } from "./lookup/part-cache";

/** Where log lines go: any object with `write(line)` (a test can collect them). */
export interface LogDestination {
  write(line: string): void;
}

export interface StartOptions {
  /** HTTPS with the localhost development certificates (as `npm start`); default plain HTTP. */
  https?: boolean;
  /** The environment to configure from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Options for the embedded emulator (emulator mode only). */
  emulator?: EmulatorOptions;
  /** Log lines: `false` (default) for none, or a level and an optional destination. */
  logger?: false | { level?: string; stream?: LogDestination };
  /** Default 127.0.0.1 and an ephemeral port. */
  host?: string;
  port?: number;
  /** The lookup cache's clock (a benchmark moves it past the price lifetime). */
  clock?: Clock;
}

export interface RunningAddinServer {
  /** e.g. http://127.0.0.1:53123 (no trailing slash). */
  url: string;
  emulator: RunningEmulator | null;
  config: ServerConfig;
  app: FastifyInstance;
  /** True when this start made new development certificates (HTTPS only). */
  certificatesGenerated: boolean;
  close(): Promise<void>;
}

export async function startAddinServer(options: StartOptions = {}): Promise<RunningAddinServer> {
  let config = readConfig(options.env ?? process.env);
  let emulator: RunningEmulator | null = null;
  if (config.mode === "emulator") {
    // Loaded only when used: against the real Cofactr the catalogue never enters memory.
    const { startEmulator } = await import("./emulator");
    emulator = await startEmulator({ host: "127.0.0.1", port: 0, ...options.emulator });
    config = withEmulator(config, emulator);
  }
  try {
    const certificates = options.https
      ? await loadOrCreateCertificates(config.httpsCertPath, config.httpsKeyPath)
      : null;
    const logger = options.logger
      ? {
          ...loggerOptions(options.logger.level ?? config.logLevel),
          ...(options.logger.stream ? { stream: options.logger.stream } : {}),
        }
      : false;
    const app = buildApp({ config, https: certificates, logger, clock: options.clock });
    await app.listen({ host: options.host ?? "127.0.0.1", port: options.port ?? 0 });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
    // The development certificate is issued to "localhost".
    const host = options.https ? "localhost" : urlHost(options.host ?? "127.0.0.1");
    const url = `${options.https ? "https" : "http"}://${host}:${port}`;
    let closed: Promise<void> | null = null;
    return {
      url,
      emulator,
      config,
      app,
      certificatesGenerated: certificates?.generated ?? false,
      close: () => {
        closed ??= (async () => {
          try {
            await app.close();
          } finally {
            await emulator?.close();
          }
        })();
        return closed;
      },
    };
  } catch (error) {
    await emulator?.close();
    throw error;
  }
}

/** The emulator's address and demo keys in place of Cofactr's. */
function withEmulator(config: ServerConfig, emulator: RunningEmulator): ServerConfig {
  return {
    ...config,
    graphUrl: emulator.graphUrl,
    platformUrl: emulator.platformUrl,
    graphCredentials: {
      clientId: emulator.credentials.graphClientId,
      apiKey: emulator.credentials.graphApiKey,
    },
    platformApiKey: emulator.credentials.platformApiKey,
  };
}

function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
