/**
 * The last guard on every answer: any credential the request carried, or the server holds, is
 * replaced in the body before it leaves, whichever route (or upstream text) put it there.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ADMIN_TOKEN_HEADER, GATEWAY_TOKEN_HEADER, USER_KEY_HEADERS } from "../core/api";
import type { ServerConfig } from "./config";
import { headerValue } from "./tokens";
import { redactSecrets, secretsIn } from "./upstream/redact";

const CREDENTIAL_HEADERS = [
  "authorization",
  GATEWAY_TOKEN_HEADER,
  ADMIN_TOKEN_HEADER,
  ...Object.values(USER_KEY_HEADERS),
];

export function registerResponseRedaction(app: FastifyInstance, config: ServerConfig): void {
  const serverSecrets: Record<string, string> = {};
  config.gatewayTokens.forEach((token, index) => (serverSecrets[`gateway${index}`] = token));
  config.adminTokens.forEach((token, index) => (serverSecrets[`admin${index}`] = token));
  if (config.graphCredentials) {
    serverSecrets.graphClient = config.graphCredentials.clientId;
    serverSecrets.graphKey = config.graphCredentials.apiKey;
  }
  if (config.platformApiKey) serverSecrets.platformKey = config.platformApiKey;

  app.addHook("onSend", async (request, _reply, payload) => {
    if (typeof payload !== "string") return payload;
    const secrets = secretsIn({ ...serverSecrets, ...requestCredentials(request) });
    // A secret with characters JSON escapes appears escaped in the serialised body.
    const spelled = secrets.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]);
    return redactSecrets(
      payload,
      [...new Set(spelled)].sort((a, b) => b.length - a.length),
    );
  });
}

function requestCredentials(request: FastifyRequest): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of CREDENTIAL_HEADERS) {
    const value = headerValue(request.headers[name]);
    if (value) found[name] = value;
  }
  return found;
}
