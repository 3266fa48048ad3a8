/** Tries the connection and says, in plain words, whether it works and what to do if not. */
import type { HealthResponse } from "../../core/api";
import { ApiRequestError, type ApiClient } from "./api-client";
import type { ConnectionChoice } from "./connection";

export interface ConnectionTestResult {
  ok: boolean;
  message: string;
  health: HealthResponse | null;
}

/** A part every catalogue knows, used to check that lookups work with these credentials. */
const PROBE_MPN = "LM358";

function explain(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 0) {
      return "The add-in server can't be reached. Check your network, or ask whoever runs the server.";
    }
    if (error.status === 401 || error.status === 403) {
      return `The keys or the access token were refused (${error.message}). Check them and try again.`;
    }
    if (error.status === 429) return "Cofactr is busy (rate limited). Try again in a minute.";
    if (error.status >= 500)
      return `Cofactr is not answering right now (${error.message}). Try again later.`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function testConnection(
  api: ApiClient,
  choice: ConnectionChoice,
): Promise<ConnectionTestResult> {
  let health: HealthResponse;
  try {
    health = await api.health();
  } catch (error) {
    return { ok: false, message: explain(error), health: null };
  }
  if (
    health.gateway_token_required &&
    choice.gatewayToken.trim() === "" &&
    choice.mode === "server"
  ) {
    return {
      ok: false,
      message:
        "This server needs a gateway access token. Ask your administrator for one and enter it here.",
      health,
    };
  }
  try {
    const response = await api.lookup({ queries: [{ mpn: PROBE_MPN }] });
    const result = response.results[0];
    if (result?.status === "error")
      return { ok: false, message: `Lookups fail: ${result.message}`, health };
  } catch (error) {
    return { ok: false, message: explain(error), health };
  }
  const where =
    choice.mode === "ownKeys"
      ? "Your Cofactr keys work."
      : health.mode === "emulator"
        ? "Connected to the built-in demo backend: parts and prices are simulated, nothing goes to Cofactr."
        : "Connected to Cofactr through the add-in server.";
  return { ok: true, message: where, health };
}
