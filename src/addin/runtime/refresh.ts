/**
 * Refresh: forget every cached lookup and recalculate, so every COFACTR formula fetches current
 * data (the server is asked to bypass its cache too). The ribbon's Refresh button and the task
 * pane's call this.
 */
import { recalculateWorkbook } from "../excel/recalculate";
import { lookupService } from "./lookup/lookup-service";

export async function refreshLookups(): Promise<void> {
  lookupService().refresh();
  await recalculateWorkbook();
}
