import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createServices } from "./services/paneServices";

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  createRoot(container).render(<App services={createServices()} />);
});
