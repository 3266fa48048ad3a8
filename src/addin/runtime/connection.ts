/**
 * The one connection store of the shared runtime: how the add-in authenticates to its server
 * (the server's access token, or the user's own Cofactr keys). The functions' lookups, the pane
 * and the ribbon all read it here, and it reads the add-in's own storage (localStorage of the
 * shared runtime) on every use, so a workbook whose formulas calculate before the pane ever
 * opens still sends the stored token. Never written to the workbook or a log: a workbook
 * travels, keys must not.
 */
import { GATEWAY_TOKEN_HEADER, USER_KEY_HEADERS } from "../../core/api";

export type ConnectionMode = "server" | "ownKeys";

export interface ConnectionChoice {
  /** "server": the add-in server's connection (its built-in demo backend or its keys). */
  mode: ConnectionMode;
  /** Needed when the server holds the Cofactr keys (`gateway_token_required`). */
  gatewayToken: string;
  graphClientId: string;
  graphApiKey: string;
  platformApiKey: string;
}

export const EMPTY_CONNECTION: ConnectionChoice = {
  mode: "server",
  gatewayToken: "",
  graphClientId: "",
  graphApiKey: "",
  platformApiKey: "",
};

export const CONNECTION_STORAGE_KEY = "cofactr.connection.v1";

/** Minimal Storage, so tests can pass a Map-backed one. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function parseChoice(stored: string | null | undefined): ConnectionChoice {
  if (!stored) return { ...EMPTY_CONNECTION };
  try {
    const parsed = JSON.parse(stored) as Partial<ConnectionChoice> | null;
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    return {
      mode: parsed?.mode === "ownKeys" ? "ownKeys" : "server",
      gatewayToken: text(parsed?.gatewayToken),
      graphClientId: text(parsed?.graphClientId),
      graphApiKey: text(parsed?.graphApiKey),
      platformApiKey: text(parsed?.platformApiKey),
    };
  } catch {
    return { ...EMPTY_CONNECTION };
  }
}

/** The request headers for a choice: the token always, own keys only in "ownKeys" mode. */
export function connectionHeaders(choice: ConnectionChoice): Record<string, string> {
  const headers: Record<string, string> = {};
  const put = (name: string, value: string): void => {
    if (value.trim() !== "") headers[name] = value.trim();
  };
  put(GATEWAY_TOKEN_HEADER, choice.gatewayToken);
  if (choice.mode === "ownKeys") {
    put(USER_KEY_HEADERS.graphClientId, choice.graphClientId);
    put(USER_KEY_HEADERS.graphApiKey, choice.graphApiKey);
    put(USER_KEY_HEADERS.platformApiKey, choice.platformApiKey);
  }
  return headers;
}

export class ConnectionStore {
  /** Used when the runtime has no working storage (blocked in some webviews, or full). */
  private memory: ConnectionChoice = { ...EMPTY_CONNECTION };
  private storage: KeyValueStorage | null;

  constructor(storage: KeyValueStorage | null) {
    this.storage = storage;
  }

  /** The saved choice (read from storage each time: cheap, and never stale). */
  get(): ConnectionChoice {
    if (!this.storage) return { ...this.memory };
    try {
      return parseChoice(this.storage.getItem(CONNECTION_STORAGE_KEY));
    } catch {
      return { ...this.memory };
    }
  }

  save(choice: ConnectionChoice): void {
    this.memory = { ...choice };
    try {
      this.storage?.setItem(CONNECTION_STORAGE_KEY, JSON.stringify(choice));
    } catch {
      // Storage full or blocked: the choice holds in memory for this session.
      this.storage = null;
    }
  }

  /** The headers every request to the add-in server carries now. */
  headers(): Record<string, string> {
    return connectionHeaders(this.get());
  }
}

/** localStorage when the runtime has one (it may be blocked, e.g. in some webviews). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
