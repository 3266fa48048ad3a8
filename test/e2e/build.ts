/** Builds what the browser test loads: the add-in (dist/, reused when fresh) and the fake host. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import webpack from "webpack";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const OUTPUT = path.join(ROOT, "test-results", "e2e");

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry))
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

const ADDIN_INPUTS = [
  "src/addin",
  "src/core",
  "webpack.config.js",
  "manifest.xml",
  "assets",
  "package.json",
];

/** Rebuilds dist/ (development mode, the faster build) unless it is newer than its sources. */
export function ensureAddinBuilt(): "reused" | "built" {
  const built = Math.min(
    ...["taskpane.html", "taskpane.js", "functions.js", "commands.js"].map((file) =>
      fs.existsSync(path.join(DIST, file)) ? fs.statSync(path.join(DIST, file)).mtimeMs : 0,
    ),
  );
  const sources = Math.max(...ADDIN_INPUTS.map((input) => newestMtime(path.join(ROOT, input))));
  if (built > sources) return "reused";
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "development"],
    {
      cwd: ROOT,
      stdio: "pipe",
      timeout: 240_000,
    },
  );
  return "built";
}

/** Compiles test/support/fakeOfficeHost.ts for the browser; returns the script's text. */
export async function buildFakeHost(): Promise<string> {
  const entry = path.join(ROOT, "test/support/fakeOfficeHost.ts");
  const output = path.join(OUTPUT, "fake-office.js");
  const sources = Math.max(
    newestMtime(path.join(ROOT, "test/support")),
    newestMtime(path.join(ROOT, "src/addin/excel")),
  );
  if (fs.existsSync(output) && fs.statSync(output).mtimeMs > sources)
    return fs.readFileSync(output, "utf8");
  await new Promise<void>((resolve, reject) => {
    webpack(
      {
        mode: "development",
        devtool: false,
        target: "web",
        entry,
        output: { path: OUTPUT, filename: "fake-office.js" },
        resolve: { extensions: [".ts", ".js"] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              exclude: /node_modules/,
              loader: "ts-loader",
              options: {
                transpileOnly: true,
                compilerOptions: { module: "esnext", sourceMap: false },
              },
            },
          ],
        },
      },
      (error, stats) => {
        if (error) return reject(error);
        if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
        resolve();
      },
    );
  });
  return fs.readFileSync(output, "utf8");
}
