#!/usr/bin/env node
/*
 * `npm run validate`: Microsoft's manifest validation (`office-addin-manifest validate`, an
 * online service) where the network allows; where it cannot be reached, the project's offline
 * manifest tests instead. Each step has a deadline, so this never hangs on a dead network.
 */
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
const ONLINE_DEADLINE_MS = 60_000;
const OFFLINE_DEADLINE_MS = 300_000;
const OFFLINE_TESTS = ["test/manifest.test.ts", "test/manifest-urls.test.ts"];

/** Runs a command to its end or its deadline; never throws. */
function runWithDeadline(command, args, deadlineMs) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: "utf8",
    timeout: deadlineMs,
    killSignal: "SIGKILL",
    maxBuffer: 16 * 1024 * 1024,
  });
  return {
    status: result.status,
    output: `${result.stdout ?? ""}${result.stderr ?? ""}`,
    timedOut: result.error?.code === "ETIMEDOUT",
    failedToStart: result.error !== undefined && result.error.code !== "ETIMEDOUT",
  };
}

/** Words of a validator that never reached the service (network down, DNS, refused). */
const UNREACHABLE =
  /Unable to contact the manifest validation service|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH/;

/** What an online run says: "valid", "invalid" (the service found errors) or "unreachable". */
function classify(run) {
  if (run.timedOut || run.failedToStart) return "unreachable";
  if (run.status === 0) return "valid";
  return UNREACHABLE.test(run.output) ? "unreachable" : "invalid";
}

function main() {
  const cli = path.join(root, "node_modules", "office-addin-manifest", "cli.js");
  const online = runWithDeadline(
    process.execPath,
    [cli, "validate", "manifest.xml"],
    ONLINE_DEADLINE_MS,
  );
  const verdict = classify(online);
  if (verdict !== "unreachable") {
    process.stdout.write(online.output);
    return verdict === "valid" ? 0 : 1;
  }
  const why = online.timedOut
    ? `no answer within ${ONLINE_DEADLINE_MS / 1000} s`
    : (online.output.trim().split("\n").pop() ?? "no network");
  console.log(`The online manifest validator could not be reached (${why}).`);
  console.log("Running the offline manifest checks instead:");
  const jest = path.join(root, "node_modules", "jest", "bin", "jest.js");
  const offline = spawnSync(process.execPath, [jest, ...OFFLINE_TESTS, "--maxWorkers=1", "--ci"], {
    cwd: root,
    stdio: "inherit",
    timeout: OFFLINE_DEADLINE_MS,
    killSignal: "SIGKILL",
  });
  if (offline.error) {
    console.error(`The offline checks did not finish: ${offline.error.message}`);
    return 1;
  }
  return offline.status ?? 1;
}

module.exports = { classify, runWithDeadline };

if (require.main === module) process.exit(main());
