import * as React from "react";
import { createRoot } from "react-dom/client";
import { runtimeServices } from "../runtime/services";
import { App } from "./app";
import { showOutsideNotice, watchHost } from "./host-check";

/** Once the pane has been opened, load the runtime with the workbook from then on, so COFACTR
 * formulas calculate at open instead of waiting in #BUSY! for the pane. */
function loadRuntimeWithDocument(): void {
  try {
    void Office.addin?.setStartupBehavior?.(Office.StartupBehavior.load)?.catch(() => undefined);
  } catch {
    // Hosts without the shared-runtime API keep the default (load on demand).
  }
}

watchHost(typeof Office === "undefined" ? undefined : Office, {
  onExcel() {
    showOutsideNotice(false);
    const container = document.getElementById("root");
    if (!container) throw new Error("taskpane.html has no #root element");
    createRoot(container).render(<App services={runtimeServices()} />);
    loadRuntimeWithDocument();
  },
  onOutside() {
    showOutsideNotice(true);
  },
});
