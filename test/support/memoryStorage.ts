/** A Map-backed Storage for the connection store, exposing what was written. */
import type { KeyValueStorage } from "../../src/addin/runtime/connection";

export function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}
