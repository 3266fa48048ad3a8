/**
 * The version is written once, in package.json: the manifest (as written and as built),
 * COFACTR.VERSION (put into the bundle by webpack) and /api/health all say the same.
 */
import fs from "node:fs";
import path from "node:path";
import { version as functionVersion } from "../src/addin/functions/functions";
import { startTestApp } from "./server/support/app-harness";

const ROOT = path.resolve(__dirname, "..");
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  version: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { setManifestVersion } = require("../scripts/manifest-urls") as {
  setManifestVersion(text: string, version: string): string;
};

function manifestVersion(text: string): string | undefined {
  return /<Version>([^<]*)<\/Version>/.exec(text)?.[1];
}

describe("one version, from package.json", () => {
  it("is the manifest's, in Office's four parts", () => {
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(manifestVersion(manifest)).toBe(`${version}.0`);
  });

  it("is what the build writes into the served manifest", () => {
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    expect(manifestVersion(setManifestVersion(manifest, "2.5.1"))).toBe("2.5.1.0");
    expect(manifestVersion(setManifestVersion(manifest, "3.0.0-beta.2"))).toBe("3.0.0.0");
  });

  it("is what webpack puts into the add-in bundle for COFACTR.VERSION", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require("../webpack.config.js")({}, { mode: "production" }) as {
      plugins: { definitions?: Record<string, unknown> }[];
    };
    const definitions = config.plugins.find((plugin) => plugin.definitions)?.definitions;
    expect(definitions?.__ADDIN_VERSION__).toBe(JSON.stringify(version));
    expect(functionVersion()).toBe(version);
  });

  it("is /api/health's", async () => {
    const app = await startTestApp({ COFACTR_MODE: "emulator" });
    try {
      const health = (await (await fetch(`${app.url}/api/health`)).json()) as { version?: string };
      expect(health.version).toBe(version);
    } finally {
      await app.close();
    }
  });
});
