/**
 * Every error the server answers, in the one /api shape `{error: {code, message}}`: route
 * errors, unknown paths and wrong methods, URLs the router cannot read, and requests Node
 * refuses before Fastify sees them (oversized headers, timeouts).
 */
import http from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "./errors";
import { isApiPath, type RouteTable } from "./route-table";
import { toApiError } from "./routes/upstream-failure";

/** Sent with every /api answer, errors included: no MIME sniffing, never stored by a cache. */
export const API_HEADERS = {
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
} as const;

/** Codes for the client errors Fastify raises itself. */
const CODE_BY_STATUS: Record<number, string> = {
  400: "bad_request",
  404: "not_found",
  405: "method_not_allowed",
  408: "request_timeout",
  413: "payload_too_large",
  415: "unsupported_media_type",
  431: "headers_too_large",
};

export function registerErrorReplies(app: FastifyInstance, routes: RouteTable): void {
  app.setErrorHandler((rawError, request, reply) => {
    const mapped = toApiError(rawError, { userKeys: false, notFound: "Not found." });
    const error = mapped as Error & { statusCode?: number; code?: string };
    if (error instanceof ApiError) {
      if (error.statusCode >= 500)
        request.log.warn({ code: error.code, reason: error.message }, "upstream failure");
      if (error.headers) void reply.headers(error.headers);
      return reply.status(error.statusCode).send(error.toBody());
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, "request failed");
    const code = status < 500 ? (CODE_BY_STATUS[status] ?? "bad_request") : "internal";
    const message =
      status === 415
        ? `Send the body as application/json (not ${request.headers["content-type"] ?? "without a type"}).`
        : status < 500
          ? error.message
          : "The server could not complete the request.";
    return reply.status(status).send(new ApiError(status, code, message).toBody());
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (!isApiPath(path)) return reply.status(404).type("text/plain").send("Not found");
    const allowed = routes.methodsFor(path);
    if (allowed.length > 0) {
      return reply
        .status(405)
        .header("allow", allowed.join(", "))
        .send(
          new ApiError(
            405,
            "method_not_allowed",
            `${path} does not accept ${request.method}; it accepts ${allowed.join(", ")}.`,
          ).toBody(),
        );
    }
    return reply
      .status(404)
      .send(new ApiError(404, "not_found", `No API route ${request.method} ${path}`).toBody());
  });
}

/** Errors raised while routing, before any route runs (e.g. `/api/jobs/%zz`). */
export function frameworkErrors(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const badUrl = error.code === "FST_ERR_BAD_URL";
  const message = badUrl
    ? "The URL has a broken percent-encoding (a % not followed by two hex digits)."
    : error.message;
  void reply.code(400);
  void reply.headers(API_HEADERS);
  void reply.send(new ApiError(400, badUrl ? "bad_url" : "bad_request", message).toBody());
}

/**
 * Requests Node's HTTP parser refuses (headers over its limit, malformed, too slow): answered
 * in the /api shape when the socket can still take it, then closed.
 */
export function clientErrorHandler(
  error: Error & { code?: string },
  socket: Socket,
  timeouts: { headersMs: number; bodyMs: number },
): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "headers_too_large", "The URL or headers are longer than the server accepts."]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [
            408,
            "request_timeout",
            `The request's headers did not arrive within ${timeouts.headersMs / 1000} s, or ` +
              `its body within ${timeouts.bodyMs / 1000} s.`,
          ]
        : [400, "bad_request", "The request is not valid HTTP."];
  const body = JSON.stringify(new ApiError(status, code, message).toBody());
  const head = [
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? "Error"}`,
    "content-type: application/json; charset=utf-8",
    `content-length: ${Buffer.byteLength(body)}`,
    ...Object.entries(API_HEADERS).map(([name, value]) => `${name}: ${value}`),
    "connection: close",
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
}
