/** @jest-environment jsdom */
import "../../support/domStubs";
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { AvailabilityCheck } from "../../../src/addin/runtime/programs/check-availability";
import { AvailabilityPanel } from "../../../src/addin/taskpane/components/availability-panel";

// Fluent renders slowly in jsdom on a busy machine; these are waits, not timing assertions.
jest.setTimeout(60_000);

const SHORT: AvailabilityCheck = {
  programId: "prog-1",
  programName: "Controller board",
  created: true,
  buildQuantity: 25,
  totals: {
    parts: 12,
    available: 9,
    partial: 2,
    unavailable: 1,
    authorized_available: 8,
    best_offer_cost: 123.4,
  },
  unmatchedLines: 1,
  currency: "USD",
  computedAt: "2026-12-01T12:00:00Z",
};

/** A check the test answers when it chooses, recording the signals it was given. */
function controlledCheck() {
  const signals: AbortSignal[] = [];
  let settle: { resolve(value: AvailabilityCheck): void; reject(error: Error): void } | null = null;
  const check = (signal: AbortSignal) => {
    signals.push(signal);
    return new Promise<AvailabilityCheck>((resolve, reject) => (settle = { resolve, reject }));
  };
  return {
    check,
    signals,
    answer: (value: AvailabilityCheck) => settle?.resolve(value),
    fail: (error: Error) => settle?.reject(error),
  };
}

function renderPanel(
  bomId: string | null,
  check: (signal: AbortSignal) => Promise<AvailabilityCheck>,
) {
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <AvailabilityPanel bomId={bomId} check={check} />
    </FluentProvider>,
  );
  return { user, view };
}

describe("AvailabilityPanel", () => {
  it("asks for an upload first when there is no BOM in Cofactr", () => {
    renderPanel(null, () => Promise.reject(new Error("not called")));
    expect(screen.getByText(/Upload the BOM first/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Check availability/ })).toBeNull();
  });

  it("shows the check running, then what is short for the build quantity", async () => {
    const controlled = controlledCheck();
    const { user } = renderPanel("bom-1", controlled.check);
    const button = screen.getByRole("button", { name: "Check availability" });
    await user.click(button);
    expect(screen.getByText(/Cofactr is checking stock/)).toBeTruthy();
    expect(button.hasAttribute("disabled")).toBe(true);

    controlled.answer(SHORT);
    expect(await screen.findByText("3 of 12 parts are short for 25 boards")).toBeTruthy();
    const counts = screen.getByRole("list", { name: "Availability counts" });
    expect(within(counts).getByText("9 available")).toBeTruthy();
    expect(within(counts).getByText("2 partly available")).toBeTruthy();
    expect(within(counts).getByText("1 unavailable")).toBeTruthy();
    expect(within(counts).getByText(/1 line not matched/)).toBeTruthy();
    expect(within(counts).getByText(/123\.40/)).toBeTruthy();
    expect(screen.getByText(/Controller board.*was made in Cofactr/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Check again" })).toBeTruthy();
  });

  it("says when every part is in stock", async () => {
    const controlled = controlledCheck();
    const { user } = renderPanel("bom-1", controlled.check);
    await user.click(screen.getByRole("button", { name: "Check availability" }));
    controlled.answer({
      ...SHORT,
      created: false,
      unmatchedLines: 0,
      totals: { ...SHORT.totals, available: 12, partial: 0, unavailable: 0 },
    });
    expect(await screen.findByText("All 12 parts are in stock for 25 boards")).toBeTruthy();
    expect(screen.getByText(/was updated in Cofactr/)).toBeTruthy();
  });

  it("shows the failure's own message", async () => {
    const controlled = controlledCheck();
    const { user } = renderPanel("bom-1", controlled.check);
    await user.click(screen.getByRole("button", { name: "Check availability" }));
    controlled.fail(new Error("The availability job job-7 failed: rate limited"));
    expect(await screen.findByText("Availability not checked")).toBeTruthy();
    expect(screen.getByText(/job-7 failed: rate limited/)).toBeTruthy();
  });

  it("lets go of a running check when the BOM changes, and never shows its late answer", async () => {
    const controlled = controlledCheck();
    const { user, view } = renderPanel("bom-1", controlled.check);
    await user.click(screen.getByRole("button", { name: "Check availability" }));
    view.rerender(
      <FluentProvider theme={webLightTheme}>
        <AvailabilityPanel bomId="bom-2" check={controlled.check} />
      </FluentProvider>,
    );
    expect(controlled.signals[0]?.aborted).toBe(true);
    controlled.answer(SHORT);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText(/parts are short/)).toBeNull();
    expect(screen.getByRole("button", { name: "Check availability" })).toBeTruthy();
  });
});
