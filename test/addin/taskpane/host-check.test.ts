/**
 * @jest-environment jsdom
 *
 * The pane outside Excel: a notice saying what it is and how to sideload it, never a blank page.
 */
import fs from "node:fs";
import path from "node:path";
import {
  HOST_DEADLINE_MS,
  showOutsideNotice,
  watchHost,
} from "../../../src/addin/taskpane/host-check";

const HostType = { Excel: "Excel" };

function watcher() {
  const calls: string[] = [];
  return {
    calls,
    watch: {
      onExcel: () => calls.push("excel"),
      onOutside: (reason: string) => calls.push(`outside: ${reason}`),
    },
  };
}

describe("where the pane runs", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("shows the notice at once when office.js did not load", () => {
    const { calls, watch } = watcher();
    watchHost(undefined, watch);
    expect(calls).toEqual(["outside: office.js did not load"]);
  });

  it("renders the pane inside Excel, and the notice in a plain browser", async () => {
    const inExcel = watcher();
    watchHost({ HostType, onReady: async () => ({ host: "Excel" }) }, inExcel.watch);
    const inBrowser = watcher();
    // Outside Office, office.js answers with no host.
    watchHost({ HostType, onReady: async () => ({ host: null }) }, inBrowser.watch);
    await jest.advanceTimersByTimeAsync(HOST_DEADLINE_MS * 2);
    expect(inExcel.calls).toEqual(["excel"]);
    expect(inBrowser.calls).toEqual(["outside: not inside Excel"]);
  });

  it("shows the notice when Office does not answer in time, and the pane if Excel answers late", async () => {
    let answer: (info: { host: unknown }) => void = () => undefined;
    const { calls, watch } = watcher();
    watchHost({ HostType, onReady: () => new Promise((resolve) => (answer = resolve)) }, watch);
    await jest.advanceTimersByTimeAsync(HOST_DEADLINE_MS - 1);
    expect(calls).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(["outside: Office did not answer"]);
    answer({ host: "Excel" });
    await jest.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(["outside: Office did not answer", "excel"]);
  });
});

describe("taskpane.html's notice", () => {
  const html = fs.readFileSync(
    path.join(__dirname, "..", "..", "..", "src", "addin", "taskpane", "taskpane.html"),
    "utf8",
  );

  it("is hidden until shown, then says what the page is and how to sideload it", () => {
    document.documentElement.innerHTML = html.replace(/<!doctype html>/i, "");
    const notice = document.getElementById("outside-excel") as HTMLElement;
    expect(notice.hidden).toBe(true);
    showOutsideNotice(true);
    expect(notice.hidden).toBe(false);
    expect(notice.textContent).toMatch(/task pane of the Cofactr add-in for Excel/);
    expect(notice.textContent).toMatch(/Upload My Add-in/);
    expect(notice.querySelector("a[href='manifest.xml']")).not.toBeNull();
    showOutsideNotice(false);
    expect(notice.hidden).toBe(true);
  });
});
