/** @jest-environment jsdom */
/* "Split into columns": the pane over the in-memory Excel fake, through the real workbook access. */
import "../../support/domStubs";
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/addin/taskpane/app";
import { createExcelWorkbook } from "../../../src/addin/excel/excel-workbook";
import { installExcelFake, WorkbookData, type FakeCellValue } from "../../support/excelFake";
import { paneHarness } from "../../support/paneHarness";

const LONG_DESCRIPTION = `Connector ${"x".repeat(290)}`;

/** A CSV BOM pasted into A1: one whole line per cell. */
const PASTED: FakeCellValue[][] = [
  ["Designator,Qty,MPN,Manufacturer,Package,Description"],
  ['"R1,R2",2,RC0603FR-0710KL,Yageo,0603,RES 10K 1% 0603'],
  [`J1,1,0022232031,Molex,,${LONG_DESCRIPTION}`],
  ['C1,1,GRM188R71C104KA01D,Murata,0603,"=IF(A1,1,0)"'],
  ["D1,1,1N4148W-7-F,Diodes Inc,SOD-123,-5V rail"],
  ["U1,1,LM358DR"],
];

/** What the new sheet must hold, every cell a string exactly as in the pasted line. */
const SPLIT: string[][] = [
  ["Designator", "Qty", "MPN", "Manufacturer", "Package", "Description"],
  ["R1,R2", "2", "RC0603FR-0710KL", "Yageo", "0603", "RES 10K 1% 0603"],
  ["J1", "1", "0022232031", "Molex", "", LONG_DESCRIPTION],
  ["C1", "1", "GRM188R71C104KA01D", "Murata", "0603", "=IF(A1,1,0)"],
  ["D1", "1", "1N4148W-7-F", "Diodes Inc", "SOD-123", "-5V rail"],
  ["U1", "1", "LM358DR", "", "", ""],
];

const EAGLE: FakeCellValue[][] = [
  ["Partlist exported from demo.sch"],
  [""],
  ["Part     Value          Device          Package   Library"],
  [""],
  ["C1       100nF          C-EUC0603       C0603     rcl"],
  ["C2       100nF          C-EUC0603       C0603     rcl"],
  ["R1       10k            R-EU_R0603      R0603     rcl"],
];

// Fluent renders slowly in jsdom on a busy machine; these are waits, not timing assertions.
jest.setTimeout(60_000);

let data: WorkbookData;
let uninstall: () => void;

beforeEach(() => {
  data = new WorkbookData();
  uninstall = installExcelFake(data);
});

afterEach(() => uninstall());

async function renderOn(sheet: FakeCellValue[][]) {
  data.addSheet("BOM", sheet);
  const harness = paneHarness(null);
  const services = { ...harness.services, workbook: createExcelWorkbook() };
  const user = userEvent.setup();
  render(<App services={services} />);
  await screen.findByText("Demo backend");
  return { user };
}

/** Everything a sheet holds: its formulas (or constants) and number formats. */
function snapshot(name: string) {
  return { formulas: data.formulas(name, "A1:H20"), formats: data.numberFormats(name, "A1:H20") };
}

const sheetNames = () => data.sheets.map((sheet) => sheet.name);

describe("a BOM pasted as text into one column", () => {
  it("offers Split into columns instead of a mapping, and changes nothing until clicked", async () => {
    const { user } = await renderOn(PASTED);
    const before = snapshot("BOM");
    const prompt = await screen.findByRole("group", { name: "Pasted text" });
    expect(
      within(prompt).getByText(/column A holds a whole line, separated by commas/),
    ).toBeTruthy();
    expect(within(prompt).getByText(/writes its 6 columns to a new sheet/)).toBeTruthy();
    const preview = within(prompt).getByRole("table", { name: "Split preview" });
    expect(within(preview).getByText("RC0603FR-0710KL")).toBeTruthy();
    expect(within(preview).getByText("R1,R2")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Split into columns" })).toBeTruthy();
    expect(screen.queryByRole("group", { name: "Column mapping" })).toBeNull();
    expect(screen.getByText(/text pasted into one column/).textContent).toBe(
      "Sheet BOM, text pasted into one column",
    );
    // Not a meaningless upload either.
    await user.click(screen.getByRole("tab", { name: "Upload" }));
    expect(await screen.findByText(/split it into columns on the BOM tab first/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Upload BOM" }).hasAttribute("disabled")).toBe(true);

    expect(sheetNames()).toEqual(["BOM"]);
    expect(snapshot("BOM")).toEqual(before);
  });

  it("writes the split to a new sheet as text, maps that sheet and leaves the pasted one as it was", async () => {
    const { user } = await renderOn(PASTED);
    const before = snapshot("BOM");
    await user.click(await screen.findByRole("button", { name: "Split into columns" }));
    await screen.findByRole("group", { name: "Column mapping" });

    expect(sheetNames()).toEqual(["BOM", "BOM (split)"]);
    expect(data.activeSheet?.name).toBe("BOM (split)");
    // Leading zeros, a formula-looking description, a 300-character cell, a short row: kept.
    expect(data.values("BOM (split)", "A1:F6")).toEqual(SPLIT);
    expect(data.formulas("BOM (split)", "A1:F6")).toEqual(SPLIT);
    expect(data.numberFormats("BOM (split)", "A1:F6").flat()).toEqual(Array(36).fill("@"));
    expect(snapshot("BOM")).toEqual(before);

    expect(screen.getByText(/is split into columns on this new sheet/).textContent).toBe(
      "The pasted text of BOM is split into columns on this new sheet; BOM is unchanged.",
    );
    expect(screen.getByText(/header on row 1, 5 lines/)).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "MPN" }).textContent).toContain("C · MPN");
    expect(screen.getByRole("combobox", { name: "Quantity" }).textContent).toContain("B · Qty");
    expect(screen.getByRole("combobox", { name: "Designators" }).textContent).toContain(
      "A · Designator",
    );
    const lines = screen.getByRole("table", { name: "Lines as they will be sent" });
    expect(within(lines).getByText("0022232031")).toBeTruthy();
  });

  it("splits again into a second new sheet, never over the first one", async () => {
    const { user } = await renderOn(PASTED);
    await user.click(await screen.findByRole("button", { name: "Split into columns" }));
    await screen.findByRole("group", { name: "Column mapping" });
    // The user edits the first split, goes back to the pasted sheet and splits it again.
    data.setValues("BOM (split)", "G1", [["Checked by"]]);
    const edited = snapshot("BOM (split)");
    data.activate(data.requireSheet("BOM"));
    await user.click(screen.getByRole("button", { name: /^Re-read/ }));
    await user.click(await screen.findByRole("button", { name: "Split into columns" }));
    await screen.findByRole("group", { name: "Column mapping" });

    expect(sheetNames()).toEqual(["BOM", "BOM (split)", "BOM (split) 2"]);
    expect(snapshot("BOM (split)")).toEqual(edited);
    expect(data.values("BOM (split) 2", "A1:F6")).toEqual(SPLIT);
    expect(screen.getByText(/Sheet/).textContent).toContain("BOM (split) 2");
  });

  it("splits an Eagle part list pasted as fixed-width text by its aligned columns", async () => {
    const { user } = await renderOn(EAGLE);
    const prompt = await screen.findByRole("group", { name: "Pasted text" });
    expect(within(prompt).getByText(/in columns aligned with spaces/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Split into columns" }));
    await screen.findByRole("group", { name: "Column mapping" });
    expect(data.values("BOM (split)", "A3:E3")).toEqual([
      ["Part", "Value", "Device", "Package", "Library"],
    ]);
    expect(data.values("BOM (split)", "A7:E7")).toEqual([
      ["R1", "10k", "R-EU_R0603", "R0603", "rcl"],
    ]);
    expect(screen.getByRole("combobox", { name: "Designators" }).textContent).toContain("A · Part");
  });

  it("says why a split failed, leaves no sheet behind and can be tried again", async () => {
    const { user } = await renderOn(PASTED);
    const before = snapshot("BOM");
    data.failSync = ({ writesCells }) =>
      writesCells ? new Error("GeneralException: the host went away") : null;
    await user.click(await screen.findByRole("button", { name: "Split into columns" }));
    await screen.findByText(/the host went away/);
    expect(sheetNames()).toEqual(["BOM"]);
    expect(snapshot("BOM")).toEqual(before);

    data.failSync = null;
    await user.click(screen.getByRole("button", { name: "Split into columns" }));
    await waitFor(() => expect(sheetNames()).toEqual(["BOM", "BOM (split)"]));
    await screen.findByRole("group", { name: "Column mapping" });
  });

  it("offers nothing for a sheet that already has columns", async () => {
    await renderOn([
      ["Designator", "Qty", "MPN"],
      ["R1", 1, "RC0603FR-0710KL"],
    ]);
    await screen.findByRole("group", { name: "Column mapping" });
    expect(screen.queryByRole("button", { name: "Split into columns" })).toBeNull();
  });
});
