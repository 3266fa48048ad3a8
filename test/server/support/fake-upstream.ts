/** A scripted HTTP server standing in for Cofactr in unit tests: records every request and
 * answers with whatever the test's handler returns. */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as is instead of `body` (e.g. broken JSON). */
  rawBody?: string;
  /** Never answer (the socket stays open until the server closes). */
  hang?: boolean;
  delayMs?: number;
}

export interface FakeUpstream {
  url: string;
  requests: RecordedRequest[];
  /** Most requests in flight at once. */
  peakInFlight: number;
  close(): Promise<void>;
}

export async function startFakeUpstream(
  handler: (request: RecordedRequest, index: number) => FakeAnswer | Promise<FakeAnswer>,
): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  const state = { peakInFlight: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: text === "" ? undefined : (JSON.parse(text) as unknown),
      };
      const index = requests.push(recorded) - 1;
      inFlight += 1;
      state.peakInFlight = Math.max(state.peakInFlight, inFlight);
      void Promise.resolve(handler(recorded, index)).then(async (answer) => {
        if (answer.hang) return;
        if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
        inFlight -= 1;
        res.writeHead(answer.status ?? 200, {
          "content-type": "application/json",
          ...answer.headers,
        });
        res.end(answer.rawBody ?? (answer.body === undefined ? "" : JSON.stringify(answer.body)));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get peakInFlight() {
      return state.peakInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
