/**
 * Debian's Chromium for the browser tests: where it is, a describe that skips with one line when
 * it is missing (and fails under CI=true), and the headless launch.
 */
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { suiteNeeding } from "../support/program-suite";

/** Debian's Chromium; CHROMIUM points at another build of it. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** `describe` when Chromium is there; otherwise one line (or, under CI, a failing test). */
export function browserSuite(what: string): jest.Describe {
  const program = {
    package: "chromium",
    command: CHROMIUM,
    present: fs.existsSync(CHROMIUM),
    install: "`apt-get install -y chromium`, never `npx playwright install`",
    override: "CHROMIUM",
  };
  return suiteNeeding(program, what);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}
