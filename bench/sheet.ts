/**
 * bench:sheet — the pane's whole path on a 5,000-line sheet: read it through the workbook
 * workbook (in-memory Excel fake, with Excel's 5 MB per-sync limit), map it, upload it to the
 * add-in server running the embedded emulator, follow the job, and write the results table.
 * Prints phase timings, then (with --json) {"lines","wall_ms","syncs","max_sync_bytes"} last.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { createExcelWorkbook } from "../src/addin/excel/excel-workbook";
import {
  loadBomSheet,
  readRegion,
  toUploadInput,
  defaultDetails,
} from "../src/addin/runtime/bom/load-bom-sheet";
import { writeResults } from "../src/addin/runtime/results/write-results";
import { createApiClient } from "../src/addin/runtime/api-client";
import { UploadController } from "../src/addin/runtime/upload/controller";
import { startAddinServer } from "../src/server/start";
import { installExcelFake, WorkbookData, type FakeCellValue } from "../test/support/excelFake";

const LINES = Number(process.env.BENCH_LINES ?? 5000);
const CORPUS = path.resolve(__dirname, "..", "..", "shared", "bom-corpus", "glasgow-revC3-bom.csv");

/** A 5,000-line BOM made of the Glasgow BOM's real lines, each with its own designators. */
function buildSheet(lines: number): FakeCellValue[][] {
  const parsed = Papa.parse<string[]>(fs.readFileSync(CORPUS, "utf8"), { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data.map((row) => row.map((cell) => cell.trim()));
  const refIndex = header.findIndex((h) => /reference/i.test(h));
  const qtyIndex = header.findIndex((h) => /quantity/i.test(h));
  const out: FakeCellValue[][] = [["Line", ...header]];
  for (let i = 0; i < lines; i += 1) {
    const source = rows[i % rows.length] ?? [];
    const row: FakeCellValue[] = [i + 1, ...source];
    row[refIndex + 1] = `X${i * 2 + 1} X${i * 2 + 2}`;
    row[qtyIndex + 1] = 2;
    out.push(row);
  }
  return out;
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const data = new WorkbookData();
  data.addSheet("BOM", buildSheet(LINES));
  data.resetStats();
  const uninstall = installExcelFake(data);
  const server = await startAddinServer({ env: { ...process.env, LOG_LEVEL: "silent" } });
  const phases: Record<string, number> = {};
  const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      phases[name] = Math.round(performance.now() - start);
    }
  };
  try {
    const workbook = createExcelWorkbook();
    const api = createApiClient({ baseUrl: server.url });
    const wallStart = performance.now();

    const sheet = await time("read_ms", () => loadBomSheet(workbook));
    if (!sheet) throw new Error("the bench sheet is empty");
    const read = await time("map_ms", async () => readRegion(sheet));
    const details = {
      ...defaultDetails("BOM", sheet.settings),
      name: "bench:sheet",
      buildQuantity: 100,
    };
    const controller = new UploadController({
      api,
      workbook,
      newRecordId: () => `bench-sheet-${Date.now()}`,
      now: () => new Date(),
      poll: { initialDelayMs: 20, maxDelayMs: 200, maxPolls: 200 },
    });
    await time("upload_and_job_ms", () =>
      controller.upload(async () => toUploadInput(sheet, read, details)),
    );
    const state = controller.getState();
    if (state.phase !== "done") {
      throw new Error(`upload did not finish: ${JSON.stringify(state)}`);
    }
    const reloaded = await workbook.loadSettings("BOM");
    const written = await time("write_ms", () =>
      writeResults(
        api,
        workbook,
        { region: sheet.region, read, details, bomId: reloaded.bomId ?? state.summary.bomId },
        "newSheet",
      ),
    );
    const wallMs = Math.round(performance.now() - wallStart);

    console.log(`sheet: ${LINES} lines × ${sheet.region.values[0]?.length ?? 0} columns`);
    console.log(
      `mapped: ${read.lines.length} lines, ${read.issues.filter((i) => i.severity === "error").length} errors`,
    );
    console.log(
      `uploaded: BOM ${state.summary.bomId}, ${state.summary.matched} matched, ${state.summary.unmatched} unmatched`,
    );
    console.log(`written: ${written.address} in ${written.syncs} syncs`);
    console.log(`phases: ${JSON.stringify(phases)}`);
    console.log(
      `excel: ${data.stats.syncs} syncs, max ${data.stats.maxSyncBytes} bytes per sync ` +
        `(request ${data.stats.maxRequestBytes}, response ${data.stats.maxResponseBytes}), ` +
        `${data.stats.payloadRejections} rejected`,
    );
    const result = {
      lines: read.lines.length,
      wall_ms: wallMs,
      syncs: data.stats.syncs,
      max_sync_bytes: data.stats.maxSyncBytes,
    };
    if (json) console.log(JSON.stringify(result));
  } finally {
    uninstall();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
