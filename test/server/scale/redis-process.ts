/**
 * A throw-away redis-server for the scale tests and `npm run bench:scale`: an ephemeral port on
 * loopback, no persistence, killed (like a crash) and started again on the same port on demand.
 * Needs Debian's redis-server (`apt-get install redis-server`); REDIS_SERVER names another.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import { suiteNeeding } from "../../support/program-suite";

const START_DEADLINE_MS = 10_000;

export const REDIS_SERVER = process.env.REDIS_SERVER ?? "redis-server";

/** Whether the redis-server binary can be run here. */
export function haveRedisServer(): boolean {
  const probe = spawnSync(REDIS_SERVER, ["--version"], { stdio: "ignore", timeout: 5_000 });
  return probe.status === 0;
}

/** `describe` when redis-server is there; otherwise one line (or, under CI, a failing test). */
export function redisSuite(what: string): jest.Describe {
  const redis = {
    package: "redis-server",
    command: REDIS_SERVER,
    present: haveRedisServer(),
    install: "`apt-get install -y redis-server`",
    override: "REDIS_SERVER",
  };
  return suiteNeeding(redis, what);
}

export interface RedisProcess {
  /** redis://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  /** Ends it at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: nothing was persisted). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  let child = await launch(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: async () => {
      await ended(child, "SIGKILL");
    },
    restart: async () => {
      await ended(child, "SIGKILL");
      child = await launch(port);
    },
    stop: async () => {
      await ended(child, "SIGTERM");
    },
  };
}

async function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--loglevel",
      "warning",
    ],
    { stdio: "ignore" },
  );
  const deadline = Date.now() + START_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    if (await answersPing(port)) return child;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not start on port ${port} within ${START_DEADLINE_MS} ms`);
}

/** A PING over a raw socket, bounded by a short timeout. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
    }, 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** A port the OS just had free on loopback (nothing listens on it now). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
