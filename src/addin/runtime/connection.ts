/**
 * How the functions authenticate to the add-in server. The task pane stores the user's choice
 * and calls `setConnection` at start-up and whenever it changes; the batcher reads the headers
 * for every request. Held in memory only: nothing here is logged or written to the workbook.
 */
import { GATEWAY_TOKEN_HEADER, USER_KEY_HEADERS } from "../../core/api";

export interface UserKeys {
  graphClientId?: string;
  graphApiKey?: string;
  platformApiKey?: string;
}

export interface ConnectionSettings {
  /** Needed when the server holds the Cofactr keys (`gateway_token_required`). */
  gatewayToken?: string;
  /** The user's own Cofactr keys, forwarded per request by the server. */
  userKeys?: UserKeys;
}

let current: ConnectionSettings = {};

export function setConnection(settings: ConnectionSettings): void {
  current = { ...settings, userKeys: settings.userKeys ? { ...settings.userKeys } : undefined };
}

export function getConnection(): ConnectionSettings {
  return current;
}

/** The request headers for the current settings; blank values are left out. */
export function connectionHeaders(settings: ConnectionSettings = current): Record<string, string> {
  const headers: Record<string, string> = {};
  const put = (name: string, value: string | undefined): void => {
    if (value != null && value.trim() !== "") headers[name] = value.trim();
  };
  put(GATEWAY_TOKEN_HEADER, settings.gatewayToken);
  put(USER_KEY_HEADERS.graphClientId, settings.userKeys?.graphClientId);
  put(USER_KEY_HEADERS.graphApiKey, settings.userKeys?.graphApiKey);
  put(USER_KEY_HEADERS.platformApiKey, settings.userKeys?.platformApiKey);
  return headers;
}
