/* Rebuilds an output with an npm script when it is missing or older than its sources. */
const fs = require("fs");
const path = require("path");
const { execSync } = require("child_process");

const root = path.resolve(__dirname, "..", "..");

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

/**
 * Runs `npm run <script>` when `output` is missing or older than any file under `sources`.
 * A failing build that still wrote `output` (tsc emits despite type errors) only warns.
 */
function buildIfStale(label, output, sources, script, log = console.log) {
  if (builtAt(output) >= newestMtime(sources)) return;
  log(`Building the ${label} (npm run ${script})…`);
  try {
    execSync(`npm run --silent ${script}`, { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  } catch (error) {
    if (!fs.existsSync(path.join(root, output))) throw error;
    log(`Warning: "npm run ${script}" reported errors; using the output it produced.`);
  }
}

module.exports = { buildIfStale, root };
