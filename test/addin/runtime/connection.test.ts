import {
  CONNECTION_STORAGE_KEY,
  ConnectionStore,
  EMPTY_CONNECTION,
  type KeyValueStorage,
} from "../../../src/addin/runtime/connection";
import { createRuntimeServices } from "../../../src/addin/runtime/services";
import { fakeLookupApi } from "../../support/customFunctionsApi";
import { memoryStorage } from "../../support/memoryStorage";

const OWN_KEYS = {
  ...EMPTY_CONNECTION,
  mode: "ownKeys" as const,
  gatewayToken: " gw ",
  graphClientId: "cid",
  graphApiKey: "gkey",
  platformApiKey: "",
};

describe("the connection store", () => {
  it("no choice saved: the server connection, no headers", () => {
    const store = new ConnectionStore(memoryStorage());
    expect(store.get()).toEqual(EMPTY_CONNECTION);
    expect(store.headers()).toEqual({});
  });

  it("round-trips the choice through storage; own keys go out only in own-keys mode", () => {
    const storage = memoryStorage();
    new ConnectionStore(storage).save(OWN_KEYS);
    // Another store on the same storage (the runtime after a reload) reads the same choice.
    const reloaded = new ConnectionStore(storage);
    expect(reloaded.get()).toEqual(OWN_KEYS);
    expect(reloaded.headers()).toEqual({
      "x-gateway-token": "gw",
      "x-cofactr-client-id": "cid",
      "x-cofactr-api-key": "gkey",
    });
    reloaded.save({ ...OWN_KEYS, mode: "server" });
    expect(reloaded.headers()).toEqual({ "x-gateway-token": "gw" });
  });

  it("falls back to the server connection when storage holds garbage", () => {
    const storage = memoryStorage();
    storage.setItem(CONNECTION_STORAGE_KEY, "{oops");
    expect(new ConnectionStore(storage).get()).toEqual(EMPTY_CONNECTION);
    storage.setItem(CONNECTION_STORAGE_KEY, "null");
    expect(new ConnectionStore(storage).get()).toEqual(EMPTY_CONNECTION);
  });

  it("keeps the choice in memory when storage is missing or refuses writes", () => {
    const none = new ConnectionStore(null);
    none.save(OWN_KEYS);
    expect(none.get()).toEqual(OWN_KEYS);
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    const store = new ConnectionStore(full);
    store.save(OWN_KEYS);
    expect(store.get()).toEqual(OWN_KEYS);
  });

  it("the lookups send the choice current at request time", async () => {
    const api = fakeLookupApi();
    const runtime = createRuntimeServices({
      storage: memoryStorage(),
      fetch: api.fetch,
      lookup: { windowMs: 1 },
    });
    runtime.connection.save({ ...EMPTY_CONNECTION, gatewayToken: "first" });
    await runtime.lookups.find({ mpn: "LM358" }, "static");
    runtime.connection.save({ ...EMPTY_CONNECTION, gatewayToken: "second" });
    await runtime.lookups.find({ mpn: "BARE-1" }, "static");
    expect(api.requests.map((r) => r.headers["x-gateway-token"])).toEqual(["first", "second"]);
  });
});
