/**
 * The /api routes the server has, kept as the router saw them, so that a wrong method can be
 * told apart from a wrong path (405 with Allow instead of 404) and tests can list every route.
 */
import type { FastifyInstance } from "fastify";

export interface ApiRoute {
  method: string;
  /** The route pattern, e.g. `/api/jobs/:id`. */
  url: string;
}

export class RouteTable {
  private readonly routes: ApiRoute[] = [];

  /** Must run before the routes are registered. */
  watch(app: FastifyInstance): void {
    app.addHook("onRoute", (options) => {
      if (!isApiPath(options.url ?? "")) return;
      const methods = Array.isArray(options.method) ? options.method : [options.method];
      for (const method of methods) this.routes.push({ method, url: options.url ?? "" });
    });
  }

  get all(): readonly ApiRoute[] {
    return this.routes;
  }

  /** The methods some route accepts for this concrete path (percent-decoded like the router). */
  methodsFor(path: string): string[] {
    const segments = decodedSegments(path);
    if (!segments) return [];
    const methods = this.routes
      .filter((route) => patternMatches(route.url.split("/"), segments))
      .map((route) => route.method);
    return [...new Set(methods)].sort();
  }
}

export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

function decodedSegments(path: string): string[] | null {
  try {
    return path.split("/").map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/** Static segments must be equal; a `:param` takes any one non-empty segment. */
function patternMatches(pattern: readonly string[], segments: readonly string[]): boolean {
  if (pattern.length !== segments.length) return false;
  return pattern.every((part, index) => {
    const segment = segments[index] ?? "";
    return part.startsWith(":") ? segment !== "" : part === segment;
  });
}
