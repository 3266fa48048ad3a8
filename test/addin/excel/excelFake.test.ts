/* The in-memory Excel fake must fail the way Excel does, or the workbook tests prove nothing.
 * These tests read before load/sync on purpose, to see the fake throw. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
import { createFakeExcel, recalculateWorkbook, WorkbookData } from "../../support/excelFake";

function setup() {
  const data = new WorkbookData();
  data.addSheet("S", [
    ["a", 1],
    ["b", 2],
  ]);
  return { data, excel: createFakeExcel(data) };
}

describe("in-memory Excel fake", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const { excel } = setup();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([
        ["a", 1],
        ["b", 2],
      ]);
      expect(() => range.address).toThrow(/PropertyNotLoaded/);
    });
  });

  it("applies writes at sync, in order, and checks their shape", async () => {
    const { data, excel } = setup();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:B1");
      range.values = [["x", "=A1"]];
      expect(data.values("S", "A1")).toEqual([["a"]]);
      range.load("formulas");
      await context.sync();
      expect(range.formulas).toEqual([["x", "=A1"]]);
      range.values = [["too", "many", "cells"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  it("reads strings into numbers and formulas, as Excel does, except in cells formatted as text", async () => {
    const { data, excel } = setup();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A3:C3").values = [["0603", "1e3", "=1+1"]];
      const text = sheet.getRange("A4:C4");
      text.numberFormat = [["@", "@", "@"]];
      text.values = [["0603", "1e3", "=1+1"]];
      await context.sync();
    });
    expect(data.formulas("S", "A3:C4")).toEqual([
      [603, 1000, "=1+1"],
      ["0603", "1e3", "=1+1"],
    ]);
    expect(data.values("S", "C3:C4")).toEqual([[""], ["=1+1"]]);
  });

  it("reports missing items at sync and null objects through isNullObject", async () => {
    const { excel } = setup();
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const maybe = sheets.getItemOrNullObject("Nope");
      maybe.load("name");
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
      sheets.getItem("Nope").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("rejects a sync above 5 MB and counts syncs and bytes", async () => {
    const { data, excel } = setup();
    const big = Array.from({ length: 60_000 }, () => ["z".repeat(100)]);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("C1:C60000").values = big;
      await expect(context.sync()).rejects.toMatchObject({
        code: "RequestPayloadSizeLimitExceeded",
      });
      sheet.getRange("C1:C30000").values = big.slice(0, 30_000);
      await context.sync();
    });
    expect(data.stats.payloadRejections).toBe(1);
    expect(data.stats.syncs).toBe(2);
    expect(data.stats.maxRequestBytes).toBeGreaterThan(3_000_000);
    expect(data.stats.maxRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
  });

  it("keeps tables from overlapping and from sharing a name", async () => {
    const { data, excel } = setup();
    await excel.run(async (context) => {
      const tables = context.workbook.worksheets.getItem("S").tables;
      const first = tables.add("A1:B2", true);
      first.name = "Parts";
      await context.sync();
      tables.add("B2:C3", true);
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(data.tables.map((t) => t.name)).toEqual(["Parts"]);
  });

  it("recalculates formulas, awaiting functions and propagating their errors", async () => {
    const data = new WorkbookData();
    data.addSheet("My BOM", [
      ["MPN", "Qty"],
      ["LM358", 3],
      ["NOPE", 1],
    ]);
    data.addSheet("R", [
      [10, ""],
      ["='My BOM'!B2*$A$1", "=COFACTR.PRICE('My BOM'!A2,,A2,\"USD\")"],
      ["='My BOM'!B3*$A$1", "=COFACTR.PRICE('My BOM'!A3,,A3,\"USD\")*2"],
    ]);
    const calls: unknown[][] = [];
    const computed = await recalculateWorkbook(data, {
      "COFACTR.PRICE": async (...args: unknown[]) => {
        calls.push(args);
        if (args[0] === "NOPE") throw { code: "#N/A", message: "not found" };
        return 0.25;
      },
    });
    expect(computed).toBe(4);
    expect(data.values("R", "A2:B3")).toEqual([
      [30, 0.25],
      [10, "#N/A"],
    ]);
    expect(calls[0]).toEqual(["LM358", null, 30, "USD"]);
  });
});
