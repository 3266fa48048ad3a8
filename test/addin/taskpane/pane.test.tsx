/** @jest-environment jsdom */
import "../../support/domStubs";
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/addin/taskpane/app";
import type { SheetRegion } from "../../../src/addin/excel/workbook-access";
import { paneHarness } from "../../support/paneHarness";

function region(values: SheetRegion["values"]): SheetRegion {
  return { sheetName: "BOM", firstRow: 1, firstColumn: 1, values, tableName: null };
}

const GOOD = region([
  ["Designator", "Qty", "Manufacturer Part Number", "Manufacturer", "Description"],
  ["R1, R2", 2, "RC0402FR-0710KL", "Yageo", "RES 10K 0402"],
  ["C1", 1, "GRM155R71C104KA88D", "Murata", "CAP 100N 0402"],
  ["U1", 1, "LM358DR", "Texas Instruments", "Op amp"],
]);

const WITH_ERROR = region([
  ["Designator", "Qty", "Manufacturer Part Number", "Manufacturer"],
  ["R1", 1, "RC0402FR-0710KL", "Yageo"],
  ["R2", "lots", "RC0402FR-0710KL", "Yageo"],
]);

function isDisabled(element: HTMLElement): boolean {
  return element.hasAttribute("disabled") || element.getAttribute("aria-disabled") === "true";
}

async function renderPane(values: SheetRegion | null) {
  const harness = paneHarness(values);
  const user = userEvent.setup();
  render(<App services={harness.services} />);
  // The pane asks the server's health on mount; let that answer land before the test acts.
  await screen.findByText("Demo backend");
  if (values) await screen.findByRole("group", { name: "Column mapping" });
  return { harness, user };
}

// Fluent renders slowly in jsdom on a busy machine; these are waits, not timing assertions.
jest.setTimeout(60_000);

describe("task pane", () => {
  it("shows the detected mapping with confidences, a preview and the sheet line", async () => {
    await renderPane(GOOD);
    const mpn = screen.getByRole("combobox", { name: "MPN" });
    expect(mpn.textContent).toContain("C · Manufacturer Part Number");
    expect(screen.getByRole("combobox", { name: "Quantity" }).textContent).toContain("B · Qty");
    expect(screen.getByRole("combobox", { name: "Link" }).textContent).toContain("Not mapped");
    expect(screen.getByLabelText(/MPN mapping:/)).toBeTruthy();
    const preview = screen.getByRole("table", { name: "Lines as they will be sent" });
    expect(within(preview).getByText("LM358DR")).toBeTruthy();
    expect(within(preview).getByText("R1, R2")).toBeTruthy();
    expect(screen.getByText(/header on row 1, 3 lines/)).toBeTruthy();
    // The accessible name starts with the visible label (speech users say what they see).
    expect(screen.getByRole("button", { name: /^Re-read/ })).toBeTruthy();
  });

  it("remaps a field from its dropdown and the preview follows", async () => {
    const { user } = await renderPane(GOOD);
    await user.click(screen.getByRole("combobox", { name: "MPN" }));
    await user.click(screen.getByRole("option", { name: "E · Description" }));
    const preview = screen.getByRole("table", { name: "Lines as they will be sent" });
    await waitFor(() => expect(within(preview).getByText("Op amp")).toBeTruthy());
    expect(screen.getByRole("combobox", { name: "MPN" }).textContent).toContain("E · Description");
    expect(screen.getByLabelText("MPN mapping: Your choice")).toBeTruthy();
  });

  it("selects the cell of a problem when it is clicked", async () => {
    const { harness, user } = await renderPane(WITH_ERROR);
    const problem = screen.getByRole("button", { name: /^error: Row 3 · Quantity/ });
    await user.click(problem);
    expect(harness.workbook.selections).toEqual([{ sheetName: "BOM", row: 3, column: 2 }]);
    expect(screen.getByRole("tab", { name: /BOM \(1 to fix\)/ })).toBeTruthy();
  });

  it("uploads with progress and reports matched and unmatched lines", async () => {
    const { harness, user } = await renderPane(GOOD);
    harness.api.unmatchedIndexes.add(1);
    await user.click(screen.getByRole("tab", { name: "Upload" }));
    const name = screen.getByRole("textbox", { name: /BOM name/ });
    await user.clear(name);
    await user.paste("Power board");
    await user.click(screen.getByRole("button", { name: "Upload BOM" }));
    const done = await screen.findByText(/3 lines: 2 matched, 1 unmatched\. BOM id bom-1\./);
    expect(done).toBeTruthy();
    const steps = screen.getByRole("list", { name: "Upload steps" });
    expect(within(steps).getAllByText(/\(done\)/)).toHaveLength(5);
    // Every step done: the bar is full, not a step short.
    const bar = screen.getByRole("progressbar", { name: "Upload progress" });
    expect(bar.getAttribute("aria-valuemax")).toBe("1");
    expect(bar.getAttribute("aria-valuenow")).toBe("1");
    expect(harness.api.uploads[0]?.name).toBe("Power board");
    expect(harness.workbook.settings.get("BOM")).toMatchObject({
      bomId: "bom-1",
      integrationRecordId: "rec-test",
      lastJob: { finished: true },
    });
  });

  it("stops on mapping errors and leads back to the problems", async () => {
    const { harness, user } = await renderPane(WITH_ERROR);
    await user.click(screen.getByRole("tab", { name: "Upload" }));
    expect(screen.getByText("1 problems on the BOM tab stop the upload.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Upload BOM" }));
    // A mapping failure switches to the BOM tab, where the problems are.
    await screen.findByRole("list", { name: "Problems on the sheet" });
    expect(harness.api.uploads).toHaveLength(0);
    expect(screen.getByRole("tab", { name: /BOM/, selected: true })).toBeTruthy();
  });

  it("writes the results to a new sheet after an upload, then refreshes", async () => {
    const { harness, user } = await renderPane(GOOD);
    await user.click(screen.getByRole("tab", { name: "Upload" }));
    expect(isDisabled(screen.getByRole("button", { name: "Write results" }))).toBe(true);
    await user.click(screen.getByRole("button", { name: "Upload BOM" }));
    await screen.findByText(/BOM uploaded/);
    await user.click(screen.getByRole("button", { name: "Write results" }));
    await screen.findByText(/Wrote 3 lines to 'Cofactr results'!A5 \(table CofactrResults\)\./);
    const written = harness.workbook.written[0];
    expect(written?.target).toEqual({ kind: "newSheet", baseName: "Cofactr results", tableRow: 5 });
    expect(written?.block.rows[2]?.slice(0, 6)).toEqual([
      4,
      "='BOM'!C4",
      "='BOM'!D4",
      "='BOM'!B4*$B$2",
      "Matched",
      "CP2",
    ]);
    await user.click(screen.getByRole("button", { name: "Refresh prices" }));
    await screen.findByText(/COFACTR formulas recalculated/);
    expect(harness.refreshes).toBe(1);
  });

  it("asks before writing beside the data, and refuses when the cells are not empty", async () => {
    const { harness, user } = await renderPane(GOOD);
    await user.click(screen.getByRole("tab", { name: "Upload" }));
    await user.click(screen.getByRole("button", { name: "Upload BOM" }));
    await screen.findByText(/BOM uploaded/);
    await user.click(
      screen.getByRole("radio", { name: /New columns right of the BOM \(BOM!G1:S4\)/ }),
    );

    harness.workbook.occupied.add("BOM");
    await user.click(screen.getByRole("button", { name: "Write results" }));
    await screen.findByText(/Cells in BOM!G1:S4 are not empty, so nothing was written/);
    expect(harness.workbook.written).toHaveLength(0);

    harness.workbook.occupied.delete("BOM");
    await user.click(screen.getByRole("button", { name: "Write results" }));
    // The surface is aria-hidden while its opening motion runs (jsdom never ends it), and the
    // name lookup then skips its aria-labelledby title: find the dialog, then check its title.
    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(dialog.getAttribute("aria-labelledby")).toBeTruthy();
    expect(
      document.getElementById(dialog.getAttribute("aria-labelledby") as string)?.textContent,
    ).toBe("Write beside the BOM?");
    // Fluent marks the surface aria-hidden while its opening motion runs; jsdom never ends it.
    await user.click(within(dialog).getByRole("button", { name: "Write results", hidden: true }));
    await screen.findByText(/Wrote 3 lines to 'BOM'!A1/);
    expect(harness.workbook.written[0]?.target).toEqual({
      kind: "besideData",
      sheetName: "BOM",
      firstRow: 1,
      firstColumn: 7,
      rowCount: 4,
      columnCount: 13,
      address: "G1:S4",
    });

    // Writing again updates that table: cells it already fills are no reason to refuse.
    harness.workbook.occupied.add("BOM");
    await user.click(screen.getByRole("button", { name: "Write results" }));
    await screen.findByText(/updated in place/);
    const again = await screen.findByRole("dialog", { hidden: true });
    await user.click(within(again).getByRole("button", { name: "Write results", hidden: true }));
    await screen.findByText(/Updated the table CofactrResults with 3 lines/);
    expect(harness.workbook.written[1]?.target).toMatchObject({
      kind: "update",
      tableName: "CofactrResults",
    });
  });

  it("resumes following a job left running when the pane was closed", async () => {
    const harness = paneHarness(GOOD);
    const { job_id } = await harness.api.upsertBom({ name: "Earlier", lines: [] });
    harness.workbook.settings.set("BOM", {
      lastJob: { id: job_id, startedAt: "2026-11-23T11:00:00Z", finished: false },
    });
    render(<App services={harness.services} />);
    await screen.findByText(/BOM uploaded/);
    expect(screen.getByRole("tab", { name: "Upload", selected: true })).toBeTruthy();
    expect(harness.workbook.settings.get("BOM")?.lastJob?.finished).toBe(true);
  });

  it("keeps the user's keys in the add-in's storage, never in the workbook", async () => {
    const { harness, user } = await renderPane(GOOD);
    await user.click(screen.getByRole("tab", { name: "Connection" }));
    await user.click(screen.getByRole("radio", { name: "My own Cofactr keys" }));
    await user.click(screen.getByLabelText("Knowledge Graph client id"));
    await user.paste("client-1");
    await user.click(screen.getByLabelText("Knowledge Graph API key"));
    await user.paste("graph-secret");
    await user.click(screen.getByLabelText(/Platform API key/));
    await user.paste("platform-secret");
    await user.click(screen.getByRole("button", { name: "Save and test connection" }));
    await screen.findByText("Your Cofactr keys work.");
    expect(harness.storage.get("cofactr.connection.v1")).toContain("platform-secret");
    // The one store the functions read has the keys too.
    expect(harness.services.connection.headers()).toMatchObject({
      "x-cofactr-platform-key": "platform-secret",
    });
    await user.click(screen.getByRole("tab", { name: "Upload" }));
    await user.click(screen.getByRole("button", { name: "Upload BOM" }));
    await screen.findByText(/BOM uploaded/);
    expect(JSON.stringify([...harness.workbook.settings.values()])).not.toMatch(/secret/);
  });

  it("explains an unreachable server in the connection test", async () => {
    const { harness, user } = await renderPane(GOOD);
    const { ApiRequestError } = await import("../../../src/addin/runtime/api-client");
    harness.api.healthResponse = new ApiRequestError(0, "network", "down");
    await user.click(screen.getByRole("tab", { name: "Connection" }));
    await user.click(screen.getByRole("button", { name: "Save and test connection" }));
    await screen.findByText(/The add-in server can't be reached/);
    expect(screen.getByText("Server offline")).toBeTruthy();
  });

  it("can be driven from the keyboard", async () => {
    const { user } = await renderPane(GOOD);
    screen.getByRole("tab", { name: "Upload" }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: "Upload", selected: true })).toBeTruthy();
    await screen.findByRole("button", { name: "Upload BOM" });
    screen.getByRole("button", { name: "Upload BOM" }).focus();
    await user.keyboard("{Enter}");
    await screen.findByText(/BOM uploaded/);
  });

  it("says so when the active sheet is empty", async () => {
    await renderPane(null);
    await screen.findByText(/The active sheet is empty/);
  });
});
