import { fakeLookupApi } from "../../support/customFunctionsApi";
import {
  connectionHeaders,
  getConnection,
  setConnection,
} from "../../../src/addin/runtime/connection";
import { LookupService } from "../../../src/addin/runtime/lookup/lookup-service";

afterEach(() => setConnection({}));

describe("connection settings", () => {
  it("no settings, no headers", () => {
    expect(connectionHeaders()).toEqual({});
  });

  it("maps the gateway token and the user's keys to the agreed headers", () => {
    setConnection({
      gatewayToken: " gw ",
      userKeys: { graphClientId: "cid", graphApiKey: "gkey", platformApiKey: "" },
    });
    expect(connectionHeaders()).toEqual({
      "x-gateway-token": "gw",
      "x-cofactr-client-id": "cid",
      "x-cofactr-api-key": "gkey",
    });
  });

  it("keeps a copy, so later edits to the caller's object change nothing", () => {
    const keys = { graphApiKey: "one" };
    setConnection({ userKeys: keys });
    keys.graphApiKey = "two";
    expect(getConnection().userKeys?.graphApiKey).toBe("one");
  });

  it("the lookup service sends the settings current at request time", async () => {
    const api = fakeLookupApi();
    const service = new LookupService({ fetch: api.fetch, windowMs: 1 });
    setConnection({ gatewayToken: "first" });
    await service.cache.get({ mpn: "LM358" }, "static");
    setConnection({ gatewayToken: "second" });
    await service.cache.get({ mpn: "BARE-1" }, "static");
    expect(api.requests.map((r) => r.headers["x-gateway-token"])).toEqual(["first", "second"]);
  });
});
