import {
  createRuntimeServices,
  runtimeServices,
  setRuntimeServices,
} from "../../../src/addin/runtime/services";
import * as COFACTR from "../../../src/addin/functions/functions";
import { installCustomFunctionsStub } from "../../support/customFunctions";
import { fakeLookupApi } from "../../support/customFunctionsApi";

installCustomFunctionsStub();

/** Just enough of Excel.run for a recalculation, recording what was asked. */
function stubExcel() {
  const calls: string[] = [];
  const context = {
    workbook: {
      application: {
        calculate: (type: string) => calls.push(`calculate:${type}`),
      },
    },
    sync: async () => {
      calls.push("sync");
    },
  };
  (globalThis as unknown as { Excel: unknown }).Excel = {
    CalculationType: { full: "Full", recalculate: "Recalculate", fullRebuild: "FullRebuild" },
    run: async (batch: (ctx: typeof context) => Promise<unknown>) => batch(context),
  };
  return calls;
}

afterAll(() => {
  setRuntimeServices(null);
  delete (globalThis as { Excel?: unknown }).Excel;
});

describe("refreshLookups", () => {
  it("drops the cache, asks the server for current data and recalculates the workbook", async () => {
    const api = fakeLookupApi();
    setRuntimeServices(
      createRuntimeServices({ storage: null, fetch: api.fetch, lookup: { windowMs: 1 } }),
    );
    const calls = stubExcel();

    await COFACTR.cpid("LM358");
    await COFACTR.cpid("LM358");
    expect(api.requests).toHaveLength(1);

    await runtimeServices().refreshLookups();
    expect(calls).toEqual(["calculate:Full", "sync"]);

    await COFACTR.cpid("LM358");
    await COFACTR.price("LM358");
    expect(api.requests).toHaveLength(2);
    // The first lookup after Refresh asks the server to bypass its own cache.
    expect(api.requests.map((r) => r.refresh)).toEqual([false, true]);
  });

  it("reports a failed recalculation to its caller", async () => {
    (globalThis as unknown as { Excel: unknown }).Excel = {
      CalculationType: { full: "Full" },
      run: async () => {
        throw new Error("RichApi.Error: the workbook is busy");
      },
    };
    await expect(runtimeServices().refreshLookups()).rejects.toThrow(/workbook is busy/);
  });
});
