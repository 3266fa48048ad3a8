/** @jest-environment jsdom */
import "../../support/domStubs";
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readBom } from "../../../src/core/bom";
import type { BomField, Grid } from "../../../src/core/bom/types";
import { MappingView } from "../../../src/addin/taskpane/components/mapping-view";

const GERMAN: Grid = [
  ["Pos.", "Anzahl", "Bauteil/Referenz", "Wert", "Hersteller", "Herstellernummer"],
  [1, 2, "R1, R2", "10k", "Yageo", "RC0603FR-0710KL"],
  [2, 3, "C1, C2, C3", "100nF", "Murata", "GRM188R71H104KA93D"],
  [3, 1, "U1", "LM358", "Texas Instruments", "LM358DR"],
];

// "Key" holds short codes that could pass for part numbers: the mapper only guesses there.
const WEAK: Grid = [
  ["Designator", "Qty", "MPN", "Key"],
  ["R1, R2", 2, "RC0402FR-0710KL", "res-10k-0402"],
  ["C1", 1, "GRM155R71C104KA88D", "cap-100n-0402"],
  ["U1", 1, "LM358DR", "opamp-lm358"],
];

/** The pane's mapping view over a grid, re-read with the overrides its dropdowns make. */
function Harness(props: { grid: Grid }): React.JSX.Element {
  const [overrides, setOverrides] = React.useState<Partial<Record<BomField, number | null>>>({});
  const read = React.useMemo(() => readBom(props.grid, { overrides }), [props.grid, overrides]);
  return (
    <FluentProvider theme={webLightTheme}>
      <MappingView
        grid={props.grid}
        firstColumn={1}
        read={read}
        onChange={(field, column) => setOverrides((current) => ({ ...current, [field]: column }))}
      />
    </FluentProvider>
  );
}

jest.setTimeout(60_000);

describe("mapping view reasons", () => {
  it("shows why a field maps to its column when its Why button is pressed", async () => {
    const user = userEvent.setup();
    render(<Harness grid={GERMAN} />);
    const why = screen.getByRole("button", { name: "Why Quantity is B · Anzahl" });
    expect(why.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("region", { name: /^Why Quantity/ })).toBeNull();

    await user.click(why);
    expect(why.getAttribute("aria-expanded")).toBe("true");
    const reasons = screen.getByRole("region", { name: "Why Quantity is B · Anzahl" });
    expect(why.getAttribute("aria-controls")).toBe(reasons.id);
    const items = within(reasons)
      .getAllByRole("listitem")
      .map((item) => item.textContent);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Anzahl.*Quantity/),
        expect.stringMatching(/number of designators listed/),
      ]),
    );
    expect(within(reasons).getByText(/^Sure \(\d+%\), found by its header\.$/)).toBeTruthy();
    // Only the field asked about opens.
    expect(screen.queryByRole("region", { name: /^Why MPN/ })).toBeNull();

    await user.click(why);
    expect(screen.queryByRole("region", { name: /^Why Quantity/ })).toBeNull();
  });

  it("opens and closes every mapped field's reasons at once", async () => {
    const user = userEvent.setup();
    render(<Harness grid={GERMAN} />);
    await user.click(screen.getByRole("button", { name: "Show all reasons" }));
    const regions = screen.getAllByRole("region", { name: /^Why / });
    expect(regions.map((region) => region.getAttribute("aria-label"))).toEqual(
      expect.arrayContaining([
        "Why MPN is F · Herstellernummer",
        "Why Manufacturer is E · Hersteller",
        "Why Designators is C · Bauteil/Referenz",
      ]),
    );
    // Unmapped fields have nothing to explain.
    expect(screen.queryByRole("button", { name: /^Why Link/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Hide all reasons" }));
    expect(screen.queryAllByRole("region", { name: /^Why / })).toHaveLength(0);
  });

  it("flags a guessed field and says to check it", async () => {
    const user = userEvent.setup();
    render(<Harness grid={WEAK} />);
    const badge = screen.getByLabelText(/^Internal part number mapping: Guess \(\d+%\)$/);
    expect(badge.querySelector("svg")).not.toBeNull();
    // A sure field carries no warning icon.
    expect(screen.getByLabelText(/^MPN mapping: Sure/).querySelector("svg")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Why Internal part number is D · Key" }));
    const reasons = screen.getByRole("region", { name: "Why Internal part number is D · Key" });
    expect(within(reasons).getByText(/evidence for it is weak/)).toBeTruthy();
    expect(within(reasons).getByText(/next best/)).toBeTruthy();
  });

  it("keeps the automatic choice and its reasons after the user picks another column", async () => {
    const user = userEvent.setup();
    render(<Harness grid={GERMAN} />);
    await user.click(screen.getByRole("button", { name: "Why Quantity is B · Anzahl" }));
    await user.click(screen.getByRole("combobox", { name: "Quantity" }));
    await user.click(screen.getByRole("option", { name: "A · Pos." }));

    expect(screen.getByRole("combobox", { name: "Quantity" }).textContent).toContain("A · Pos.");
    expect(screen.getByLabelText("Quantity mapping: Your choice")).toBeTruthy();
    // The disclosure stays open and now explains the user's choice and what it replaced.
    const why = screen.getByRole("button", { name: "Why Quantity is A · Pos." });
    expect(why.getAttribute("aria-expanded")).toBe("true");
    const reasons = screen.getByRole("region", { name: "Why Quantity is A · Pos." });
    expect(within(reasons).getByText("You chose this column.")).toBeTruthy();
    expect(within(reasons).getByText(/^The automatic choice was B · Anzahl \(Sure/)).toBeTruthy();
    expect(within(reasons).getByText(/Anzahl.*Quantity/)).toBeTruthy();
  });
});
