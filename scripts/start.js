#!/usr/bin/env node
/* `npm start`: build whatever is missing or older than its sources, then run the server. */
const path = require("path");
const { spawn } = require("child_process");
const { buildIfStale, root } = require("./lib/build-if-stale");

buildIfStale(
  "server",
  "build/server/main.js",
  ["src/core", "src/server", "src/cli", "tsconfig.json", "tsconfig.node.json"],
  "build:node",
);
buildIfStale(
  "add-in",
  "dist/taskpane.html",
  ["src/core", "src/addin", "manifest.xml", "assets", "webpack.config.js"],
  "build:addin",
);

const main = path.join(root, "build", "server", "main.js");
const { serverNodeFlags } = require(path.join(root, "build", "server", "heap.js"));
const flags = serverNodeFlags(process.execArgv, process.env.NODE_OPTIONS);
if (flags.length === 0) {
  require(main);
} else {
  // The heap cap is a Node start-up flag: the server runs as a child that has it.
  const server = spawn(process.execPath, [...flags, main], { stdio: "inherit" });
  // Ctrl-C reaches the server itself (same process group) and it closes gracefully; a signal
  // sent to this launcher alone is passed on.
  process.on("SIGINT", () => undefined);
  for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
