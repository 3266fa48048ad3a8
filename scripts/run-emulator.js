#!/usr/bin/env node
/* `npm run emulator -- --port 4010`: the Cofactr emulator on its own, from the compiled build. */
const path = require("path");
const { Command, InvalidArgumentError } = require("commander");
const { buildIfStale, root } = require("./lib/build-if-stale");

function number(min, max) {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`expected a number from ${min} to ${max}`);
    }
    return parsed;
  };
}

const program = new Command()
  .name("npm run emulator --")
  .description(
    "Runs the Cofactr emulator (Knowledge Graph under /graph, Platform API under /platform).",
  )
  .option("--port <port>", "port to listen on (0 = any free port)", number(0, 65535), 4010)
  .option("--host <host>", "interface to listen on", "127.0.0.1")
  .option("--latency <ms>", "latency added to every response, in ms", number(0, 600000), 0)
  .option(
    "--concurrency <n>",
    "requests in flight above this get 429 (0 = no ceiling)",
    number(0, 1e6),
    0,
  )
  .option("--rate-502 <share>", "share of requests answered 502 (0..1)", number(0, 1), 0)
  .option("--rate-504 <share>", "share of requests answered 504 (0..1)", number(0, 1), 0)
  .option("--retry-after <seconds>", "Retry-After sent with 429/504", number(0, 3600), 2)
  .option(
    "--job-step <ms>",
    "advance async jobs with the clock, one state per <ms> (default: one per poll)",
    number(1, 600000),
  )
  .option("--log", "log every request", false)
  .parse();

const options = program.opts();

buildIfStale(
  "server",
  "build/server/emulator/index.js",
  ["src/core", "src/server", "tsconfig.json", "tsconfig.node.json"],
  "build:node",
  (line) => console.error(line),
);

const { startEmulator } = require(path.join(root, "build", "server", "emulator", "index.js"));

startEmulator({
  port: options.port,
  host: options.host,
  log: options.log,
  faults: {
    latencyMs: options.latency,
    concurrencyLimit: options.concurrency,
    rate502: options.rate502,
    rate504: options.rate504,
    retryAfterSeconds: options.retryAfter,
  },
  jobTiming: options.jobStep ? { mode: "clock", stepMs: options.jobStep } : { mode: "polls" },
})
  .then((emulator) => {
    const c = emulator.credentials;
    console.log(
      [
        `Cofactr emulator listening on ${emulator.url}`,
        `  Knowledge Graph: ${emulator.graphUrl}   (e.g. ${emulator.graphUrl}/products/?schema=product-offers-v1&q=GRM188R71C104KA01D)`,
        `    headers  X-CLIENT-ID: ${c.graphClientId}   X-API-KEY: ${c.graphApiKey}`,
        `  Platform API:    ${emulator.platformUrl}   (e.g. ${emulator.platformUrl}/v1/boms/)`,
        `    header   Authorization: Api-Key ${c.platformApiKey}`,
        `  Admin:           ${emulator.url}/__admin/stats, POST /__admin/faults, POST /__admin/reset`,
        `  Faults:          latency ${options.latency} ms, concurrency ${options.concurrency || "unlimited"}, 502 rate ${options.rate502}, 504 rate ${options.rate504}`,
        "Press Ctrl+C to stop.",
      ].join("\n"),
    );
    const stop = () => {
      emulator.close().then(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
