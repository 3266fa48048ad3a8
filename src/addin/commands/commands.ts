/* Ribbon commands. They run in the shared runtime, next to the task pane and the functions, and
 * drive the same upload controller as the pane, which shows the progress. */
import { prepareActiveSheet } from "../runtime/bom/load-bom-sheet";
import { runtimeServices } from "../runtime/services";

/** Upload BOM: open the pane (it shows the steps, or the problems that stop the upload) and
 * upload the active sheet with its saved or automatic mapping. */
export async function uploadBom(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const { uploads: controller, workbook } = runtimeServices();
    await Office.addin.showAsTaskpane().catch(() => undefined);
    const upload = controller.upload(() => prepareActiveSheet(workbook));
    // The command completes once the BOM was sent (or stopped); the pane follows the job.
    await new Promise<void>((resolve) => {
      const settle = () => {
        const state = controller.getState();
        const sent = state.phase === "running" && state.jobId !== null;
        if (sent || state.phase !== "running") {
          unsubscribe();
          resolve();
        }
      };
      const unsubscribe = controller.subscribe(settle);
      void upload.finally(() => {
        unsubscribe();
        resolve();
      });
      settle();
    });
  } finally {
    event.completed();
  }
}

/** Refresh: fetch part data afresh and recalculate the COFACTR formulas. */
export async function refresh(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await runtimeServices().refreshLookups();
  } catch {
    // A failed refresh leaves the cells as they were; there is nowhere to show it from here.
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("uploadBom", uploadBom);
  Office.actions.associate("refreshLookups", refresh);
});
