/** @jest-environment jsdom */
import "../../support/domStubs";
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readBom } from "../../../src/core/bom";
import type { Grid } from "../../../src/core/bom/types";
import type { BomSheet } from "../../../src/addin/runtime/bom/load-bom-sheet";
import { LookupService } from "../../../src/addin/runtime/lookup/lookup-service";
import { BUILD_PLAN_TABLE } from "../../../src/addin/runtime/plan/plan-block";
import { PlanTab } from "../../../src/addin/taskpane/plan/plan-tab";
import type { LookupRequest } from "../../../src/core/api";
import { MURATA_CAP, resultsFor } from "../../support/customFunctionsApi";
import { FakeWorkbookAccess } from "../../support/fakeWorkbook";

const GRID: Grid = [
  ["Designator", "Qty", "MPN", "Manufacturer"],
  ["C1, C2", 2, MURATA_CAP.mpn, "Murata"],
];

function renderTab(sheet: BomSheet | null) {
  const workbook = new FakeWorkbookAccess(sheet?.region ?? null);
  // jsdom has no Response: the server's answer as the batcher reads it.
  const requests: LookupRequest[] = [];
  const fetch = (async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as LookupRequest;
    requests.push(body);
    return {
      ok: true,
      status: 200,
      headers: new Headers(),
      json: async () => ({ results: resultsFor([MURATA_CAP], body.queries) }),
    };
  }) as unknown as typeof globalThis.fetch;
  const lookups = new LookupService({ fetch, windowMs: 1 });
  const read = sheet ? readBom(sheet.region.values, { firstRow: 1, firstColumn: 1 }) : null;
  render(
    <FluentProvider theme={webLightTheme}>
      <PlanTab deps={{ workbook, lookups }} sheet={sheet} read={read} />
    </FluentProvider>,
  );
  return { workbook, requests };
}

const SHEET: BomSheet = {
  region: { sheetName: "BOM", firstRow: 1, firstColumn: 1, values: GRID, tableName: null },
  settings: {},
};

describe("the Plan tab", () => {
  it("names a bad field under it, then plans and shows the totals per build", async () => {
    const user = userEvent.setup();
    const { workbook, requests } = renderTab(SHEET);
    const builds = screen.getByRole("textbox", { name: /Build quantities/ });
    await user.clear(builds);
    await user.type(builds, "10, lots");
    await user.click(screen.getByRole("button", { name: "Plan" }));
    // The message sits under the field and describes its input.
    await screen.findAllByText('"lots" is not a whole number of at least 1', { exact: false });
    expect(builds.getAttribute("aria-invalid")).toBe("true");
    const described = (builds.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "");
    expect(described).toContain('"lots" is not a whole number of at least 1');
    expect(requests).toHaveLength(0);

    await user.clear(builds);
    await user.type(builds, "10, 100");
    await user.click(screen.getByRole("button", { name: "Plan" }));
    await screen.findByText(/Wrote the plan of 1 lines on the sheet “Cofactr plan”/);
    const totals = screen.getByRole("table", { name: "Totals per build" });
    const rows = within(totals).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[0]?.textContent)).toEqual([
      "10",
      "100",
    ]);
    expect(workbook.plans).toHaveLength(1);
    expect(workbook.plans[0]?.tables.map((table) => table.name)).toContain(BUILD_PLAN_TABLE);
  });

  it("without a BOM sheet says what to do", async () => {
    const user = userEvent.setup();
    renderTab(null);
    await user.click(screen.getByRole("button", { name: "Plan" }));
    expect(
      await screen.findByText(/No BOM sheet is read: open the sheet with your BOM/),
    ).toBeTruthy();
  });
});
