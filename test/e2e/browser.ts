/**
 * Debian's Chromium for the browser tests: where it is, a describe that skips with one line when
 * it is missing (and fails under CI=true), and the headless launch.
 */
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium; CHROMIUM points at another build of it. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** `describe` when Chromium is there; otherwise one line (or, under CI, a failing test). */
export function browserSuite(what: string): jest.Describe {
  if (fs.existsSync(CHROMIUM)) return describe;
  if (process.env.CI) {
    test(`chromium is installed for ${what}`, () => {
      throw new Error(`${CHROMIUM} is missing: the CI image must install Debian's chromium.`);
    });
  } else {
    process.stderr.write(`Skipping ${what}: ${CHROMIUM} is missing.\n`);
  }
  return describe.skip;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic"],
  });
}
