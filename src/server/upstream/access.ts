/**
 * Which Cofactr credentials a request uses: the server's own (environment, or the embedded
 * emulator's demo keys) or, when the server holds none, the user's keys sent with the request.
 * One retry/concurrency policy per API is shared by everyone, so the concurrency cap holds
 * server-wide whichever keys a request uses.
 */
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { USER_KEY_HEADERS } from "../../core/api";
import type { GraphCredentials, ServerConfig } from "../config";
import { ApiError } from "../errors";
import { GraphClient } from "./graph-client";
import { PlatformClient } from "./platform-client";
import { UpstreamPolicy, type PolicyHooks, type RequestDeadline } from "./resilience";

export interface GraphAccess {
  client: GraphClient;
  /** Cache partition: "" for the server's keys, a digest of the user's keys otherwise. */
  scope: string;
  userKeys: boolean;
}

export interface PlatformAccess {
  client: PlatformClient;
  userKeys: boolean;
}

export class UpstreamAccess {
  readonly graphPolicy: UpstreamPolicy;
  readonly platformPolicy: UpstreamPolicy;
  private readonly serverKeys: { graph: GraphCredentials | null; platform: string | null };

  /** `hooks`: per API, a shared concurrency ceiling and the metrics to tell. */
  constructor(
    private readonly config: ServerConfig,
    hooks: { graph?: PolicyHooks; platform?: PolicyHooks } = {},
  ) {
    this.graphPolicy = new UpstreamPolicy(config.upstream, hooks.graph);
    this.platformPolicy = new UpstreamPolicy(config.upstream, hooks.platform);
    this.serverKeys = { graph: config.graphCredentials, platform: config.platformApiKey };
  }

  /** `deadline`: the /api request's, which every upstream call of the request keeps to. */
  graphFor(headers: IncomingHttpHeaders, deadline?: RequestDeadline): GraphAccess {
    if (this.serverKeys.graph) {
      return {
        client: this.graphClient(this.serverKeys.graph, deadline),
        scope: "",
        userKeys: false,
      };
    }
    const clientId = header(headers, USER_KEY_HEADERS.graphClientId);
    const apiKey = header(headers, USER_KEY_HEADERS.graphApiKey);
    if (!clientId || !apiKey) {
      throw new ApiError(
        401,
        "credentials_required",
        `This server holds no Knowledge Graph keys: send your own in the ` +
          `${USER_KEY_HEADERS.graphClientId} and ${USER_KEY_HEADERS.graphApiKey} headers.`,
      );
    }
    return {
      client: this.graphClient({ clientId, apiKey }, deadline),
      scope: digest(`${clientId}\u0000${apiKey}`),
      userKeys: true,
    };
  }

  platformFor(headers: IncomingHttpHeaders, deadline?: RequestDeadline): PlatformAccess {
    if (this.serverKeys.platform) {
      return { client: this.platformClient(this.serverKeys.platform, deadline), userKeys: false };
    }
    const apiKey = header(headers, USER_KEY_HEADERS.platformApiKey);
    if (!apiKey) {
      throw new ApiError(
        401,
        "credentials_required",
        `This server holds no Platform API key: send your own in the ` +
          `${USER_KEY_HEADERS.platformApiKey} header.`,
      );
    }
    return { client: this.platformClient(apiKey, deadline), userKeys: true };
  }

  /** Clients are cheap: one per request, bound to its deadline, sharing the API's policy. */
  private graphClient(credentials: GraphCredentials, deadline?: RequestDeadline): GraphClient {
    return new GraphClient({
      baseUrl: this.config.graphUrl,
      credentials,
      policy: this.graphPolicy,
      deadline,
    });
  }

  private platformClient(apiKey: string, deadline?: RequestDeadline): PlatformClient {
    return new PlatformClient({
      baseUrl: this.config.platformUrl,
      apiKey,
      policy: this.platformPolicy,
      deadline,
    });
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : null;
}

/** A one-way digest: the cache partition must not hold the key itself. */
function digest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex").slice(0, 32);
}
