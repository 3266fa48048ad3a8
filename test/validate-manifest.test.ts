/** `npm run validate`: what it makes of the online validator's run, and its deadline. */
interface Run {
  status: number | null;
  output: string;
  timedOut: boolean;
  failedToStart: boolean;
}

// A plain CommonJS script, run by npm.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { classify, runWithDeadline } = require("../scripts/validate-manifest") as {
  classify(run: Run): "valid" | "invalid" | "unreachable";
  runWithDeadline(command: string, args: string[], deadlineMs: number): Run;
};

const ran = (status: number | null, output: string): Run => ({
  status,
  output,
  timedOut: false,
  failedToStart: false,
});

describe("npm run validate", () => {
  it("trusts the service's verdict when it answered", () => {
    expect(classify(ran(0, "The manifest is valid.\n"))).toBe("valid");
    expect(
      classify(ran(1, "The manifest is not valid.\nError #1: The Id element is missing.\n")),
    ).toBe("invalid");
  });

  it("falls back when the service cannot be reached", () => {
    const offline =
      "Error: Unable to contact the manifest validation service.\nFetchError: request to " +
      "https://example.invalid failed, reason: getaddrinfo ENOTFOUND example.invalid\n";
    expect(classify(ran(1, offline))).toBe("unreachable");
    expect(classify(ran(1, "FetchError: connect ECONNREFUSED 127.0.0.1:443"))).toBe("unreachable");
    expect(classify({ ...ran(null, ""), timedOut: true })).toBe("unreachable");
  });

  it("ends a validator that never answers at its deadline", () => {
    const run = runWithDeadline(process.execPath, ["-e", "setInterval(() => {}, 1000)"], 500);
    expect(run.timedOut).toBe(true);
    expect(classify(run)).toBe("unreachable");
  });
});
