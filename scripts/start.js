#!/usr/bin/env node
/* `npm start`: build whatever is missing or older than its sources, then run the server. */
const path = require("path");
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

require(path.join(root, "build", "server", "main.js"));
