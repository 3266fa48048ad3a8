/**
 * The user's connection choice, kept in the add-in's own storage (localStorage of the shared
 * runtime) and never in the workbook: a workbook travels, keys must not.
 */
import { connectionHeaders, type ConnectionSettings } from "./connection";

export type ConnectionMode = "server" | "ownKeys";

export interface ConnectionChoice {
  /** "server": the add-in server's connection (its built-in demo backend or its keys). */
  mode: ConnectionMode;
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

const STORAGE_KEY = "cofactr.connection.v1";

/** Minimal Storage, so tests can pass a Map-backed one. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function loadConnection(storage: KeyValueStorage | null): ConnectionChoice {
  const stored = storage?.getItem(STORAGE_KEY);
  if (!stored) return { ...EMPTY_CONNECTION };
  try {
    const parsed = JSON.parse(stored) as Partial<ConnectionChoice>;
    const text = (value: unknown) => (typeof value === "string" ? value : "");
    return {
      mode: parsed.mode === "ownKeys" ? "ownKeys" : "server",
      gatewayToken: text(parsed.gatewayToken),
      graphClientId: text(parsed.graphClientId),
      graphApiKey: text(parsed.graphApiKey),
      platformApiKey: text(parsed.platformApiKey),
    };
  } catch {
    return { ...EMPTY_CONNECTION };
  }
}

export function saveConnection(storage: KeyValueStorage | null, choice: ConnectionChoice): void {
  storage?.setItem(STORAGE_KEY, JSON.stringify(choice));
}

/** What the functions' `setConnection` takes; own keys only in "ownKeys" mode. */
export function toConnectionSettings(choice: ConnectionChoice): ConnectionSettings {
  return {
    gatewayToken: choice.gatewayToken || undefined,
    userKeys:
      choice.mode === "ownKeys"
        ? {
            graphClientId: choice.graphClientId || undefined,
            graphApiKey: choice.graphApiKey || undefined,
            platformApiKey: choice.platformApiKey || undefined,
          }
        : undefined,
  };
}

export function choiceHeaders(choice: ConnectionChoice): Record<string, string> {
  return connectionHeaders(toConnectionSettings(choice));
}

/** localStorage when the runtime has one (it may be blocked, e.g. in some webviews). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
