/**
 * The /api JSON body parser. Fastify's own would quietly reinterpret a body sent in another
 * charset and report a `__proto__` key as "not valid JSON"; this one names each problem:
 * bodies must be UTF-8 (declared or not), well-formed, and free of prototype keys.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import secureJson from "secure-json-parse";
import { ApiError } from "./errors";

const UTF8_NAMES = new Set(["utf-8", "utf8"]);

export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser(
    "application/json",
    { parseAs: "buffer" },
    (request: FastifyRequest, body: Buffer, done) => {
      try {
        done(null, parseJsonBody(request.headers["content-type"], body));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}

/** The body as a value, or an ApiError 400 saying what is wrong with it. */
export function parseJsonBody(contentType: string | undefined, body: Buffer): unknown {
  const charset = charsetOf(contentType ?? "");
  if (charset !== null && !UTF8_NAMES.has(charset)) {
    throw new ApiError(
      400,
      "unsupported_charset",
      `The body is declared as charset=${charset}; send JSON as UTF-8.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new ApiError(400, "invalid_encoding", "The body is not valid UTF-8.");
  }
  if (text.trim() === "") throw new ApiError(400, "invalid_json", "The JSON body is empty.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(400, "invalid_json", `The body is not valid JSON: ${reason}`);
  }
  if (value !== null && typeof value === "object") {
    try {
      secureJson.scan(value, { protoAction: "error", constructorAction: "error" });
    } catch {
      throw new ApiError(
        400,
        "forbidden_key",
        'The body has a "__proto__" or "constructor.prototype" key, which is never accepted.',
      );
    }
  }
  return value;
}

/** The lower-case charset parameter of a Content-Type, or null when there is none. */
function charsetOf(contentType: string): string | null {
  for (const parameter of contentType.split(";").slice(1)) {
    const at = parameter.indexOf("=");
    if (at < 0) continue;
    if (parameter.slice(0, at).trim().toLowerCase() !== "charset") continue;
    return parameter
      .slice(at + 1)
      .trim()
      .replace(/^"|"$/g, "")
      .toLowerCase();
  }
  return null;
}
