/** HTTP at the socket level: targets sent exactly as written, slow clients, idle connections. */
import http from "node:http";
import net from "node:net";

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request whose target goes on the wire exactly as written (fetch would normalise it). */
export function rawRequest(
  base: string,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<RawReply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: hostname, port, method, path: target, headers, agent: false },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    request.on("error", reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

export interface OpenSocket {
  socket: net.Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves when the server closes the connection (or after `guardMs`, with `closed: false`). */
  closed(guardMs: number): Promise<{ closed: boolean; afterMs: number }>;
}

/** A plain TCP connection to the server; the caller writes what it likes, when it likes. */
export function openSocket(base: string): Promise<OpenSocket> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const opened = Date.now();
    const socket = net.connect({ host: hostname, port: Number(port) });
    let data = "";
    let closedAt: number | null = null;
    const closeWaiters: (() => void)[] = [];
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (data += chunk));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      closedAt = Date.now();
      closeWaiters.forEach((wake) => wake());
    });
    socket.once("connect", () =>
      resolve({
        socket,
        received: () => data,
        closed: (guardMs) =>
          new Promise((done) => {
            const finish = () =>
              done({ closed: closedAt !== null, afterMs: (closedAt ?? Date.now()) - opened });
            if (closedAt !== null) return finish();
            const timer = setTimeout(finish, guardMs);
            closeWaiters.push(() => {
              clearTimeout(timer);
              finish();
            });
          }),
      }),
    );
    socket.once("error", reject);
  });
}
