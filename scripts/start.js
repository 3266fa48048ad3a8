#!/usr/bin/env node
/* `npm start`: build whatever is missing or older than its sources, then run the server. */
const fs = require("fs");
const path = require("path");
const { execSync } = require("child_process");

const root = path.resolve(__dirname, "..");

/** Newest modification time of any file under the given paths (0 if none exist). */
function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach((p) => visit(path.join(root, p)));
  return newest;
}

function builtAt(file) {
  const p = path.join(root, file);
  return fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0;
}

function buildIfStale(label, output, sources, script) {
  if (builtAt(output) >= newestMtime(sources)) return;
  console.log(`Building the ${label} (npm run ${script})…`);
  execSync(`npm run --silent ${script}`, { cwd: root, stdio: "inherit" });
}

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
