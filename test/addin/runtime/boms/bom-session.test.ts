/** Opening, changing and approving a Cofactr BOM, against a scripted API and the fake workbook. */
import type {
  BomLineChangeResponse,
  BomLineView,
  BomResponse,
  LookupRequest,
  LookupResponse,
  Part,
  UpdateBomLineRequest,
} from "../../../../src/core/api";
import type { BomTableRewrite } from "../../../../src/addin/excel/bom-table-rewrite";
import {
  approvalChecks,
  changeLine,
  openBom,
  sheetBaseName,
  type BomLibraryApi,
  type BomSessionDeps,
} from "../../../../src/addin/runtime/boms/bom-session";
import { OPENED_BOM_COLUMNS } from "../../../../src/addin/runtime/boms/bom-sheet-block";
import { FakeWorkbookAccess } from "../../../support/fakeWorkbook";

function line(id: string, overrides: Partial<BomLineView> = {}): BomLineView {
  return {
    id,
    line_number: id,
    mpn: `MPN-${id}`,
    manufacturer_name: null,
    quantity: 1,
    reference_designators: [`R${id}`],
    do_not_place: false,
    part: { cpid: `CP${id}`, mpn: `MPN-${id}`, manufacturer: "Maker", description: null },
    match_status: "matched",
    ...overrides,
  };
}

function bomOf(lines: BomLineView[], overrides: Partial<BomResponse> = {}): BomResponse {
  return {
    id: "bom-1",
    name: "Main: board [rev/2]",
    version: "B",
    part_number: null,
    integration_record_id: null,
    approved: false,
    archived: false,
    line_count: lines.length,
    created_at: "",
    updated_at: "",
    lines,
    ...overrides,
  };
}

class ScriptedApi implements BomLibraryApi {
  updates: UpdateBomLineRequest[] = [];
  lookups: LookupRequest[] = [];
  lifecycles: Record<string, string | Error> = {};
  constructor(
    public current: BomResponse,
    private readonly answer: BomLineChangeResponse | null = null,
  ) {}
  async listBoms() {
    return { boms: [], total: 0, limit: 50, offset: 0 };
  }
  async bom() {
    return this.current;
  }
  async searchParts() {
    return { parts: [] };
  }
  async updateLine(_bomId: string, lineId: string, changes: UpdateBomLineRequest) {
    this.updates.push(changes);
    return this.answer ?? { line: line(lineId), merged_line_id: null };
  }
  async approveBom() {
    return { ...this.current, approved: true };
  }
  async lookup(request: LookupRequest): Promise<LookupResponse> {
    this.lookups.push(request);
    const failure = Object.values(this.lifecycles).find((value) => value instanceof Error);
    if (failure instanceof Error) throw failure;
    return {
      results: request.queries.map((query) => {
        const lifecycle = this.lifecycles[query.mpn];
        return typeof lifecycle === "string"
          ? {
              status: "found",
              // Only the lifecycle is read by the checks.
              part: { lifecycle, offers: [] } as unknown as Part,
            }
          : { status: "not_found", message: "none" };
      }),
    };
  }
}

function deps(api: BomLibraryApi, rewrites: BomTableRewrite[] = []): BomSessionDeps {
  return {
    api,
    workbook: new FakeWorkbookAccess(null),
    rewrite: async (rewrite) => void rewrites.push(rewrite),
  };
}

describe("opening a BOM", () => {
  it("writes a sheet whose text cannot run as a formula, and links it to the BOM", async () => {
    const bom = bomOf([line("1", { mpn: "=cmd()", manufacturer_name: "+x" })]);
    const session = deps(new ScriptedApi(bom));
    const opened = await openBom(session, "bom-1");
    const workbook = session.workbook as FakeWorkbookAccess;
    const written = workbook.written[0];
    expect(written?.target).toEqual({
      kind: "newSheet",
      baseName: "Main board rev 2",
      tableRow: 5,
    });
    expect(written?.block.header).toEqual([...OPENED_BOM_COLUMNS]);
    const row = written?.block.rows[0] ?? [];
    expect(row[OPENED_BOM_COLUMNS.indexOf("MPN")]).toBe("'=cmd()");
    expect(row[OPENED_BOM_COLUMNS.indexOf("Manufacturer")]).toBe("'+x");
    expect(row[OPENED_BOM_COLUMNS.indexOf("Unit price")]).toBe("=COFACTR.PRICE(D6,E6,C6*$B$3)");
    expect(workbook.settings.get(opened.sheetName)).toEqual({
      bomId: "bom-1",
      details: { name: "Main: board [rev/2]", version: "B", partNumber: "", buildQuantity: 1 },
    });
  });

  it("names the sheet within Excel's rules", () => {
    expect(sheetBaseName("a".repeat(40))).toHaveLength(28);
    expect(sheetBaseName(" :/? ")).toBe("Cofactr BOM");
  });
});

describe("changing a line", () => {
  it("says when Cofactr summed the line into another, and rewrites the sheet from Cofactr", async () => {
    const kept = line("1", { quantity: 3, reference_designators: ["R1", "R2"] });
    const after = bomOf([kept]);
    const api = new ScriptedApi(after, { line: kept, merged_line_id: "2" });
    const rewrites: BomTableRewrite[] = [];
    const before = bomOf([line("1"), line("2", { part: null, match_status: "unmatched" })]);
    const { opened, activity } = await changeLine(
      deps(api, rewrites),
      { bom: before, sheetName: "S", tableName: "T" },
      before.lines[1] as BomLineView,
      { part: "CP1" },
    );
    expect(api.updates).toEqual([{ part: "CP1" }]);
    expect(activity).toBe(
      "Line 2 (R2, MPN-2) set to MPN-1 by Maker (CP1); summed into line 1, now quantity 3",
    );
    expect(opened.bom).toBe(after);
    expect(rewrites).toHaveLength(1);
    expect(rewrites[0]?.rows).toHaveLength(1);
    expect(rewrites[0]?.status).toEqual({ row: 2, column: 2, value: "Draft" });
  });
});

describe("checks before approval", () => {
  it("counts unmatched and DNP lines and names the parts at lifecycle risk", async () => {
    const bom = bomOf([
      line("1"),
      line("2", { do_not_place: true }),
      line("3", { part: null, match_status: "unmatched" }),
      line("4", { part: null, match_status: "custom" }),
    ]);
    const api = new ScriptedApi(bom);
    api.lifecycles = { "MPN-1": "Obsolete", "MPN-2": "Production" };
    const checks = await approvalChecks(api, bom);
    expect(api.lookups[0]?.queries.map((query) => query.mpn)).toEqual(["MPN-1", "MPN-2"]);
    expect(checks.unmatched.map((entry) => entry.id)).toEqual(["3"]);
    expect(checks.dnp).toBe(1);
    expect(checks.lifecycleRisks.map((risk) => [risk.line.id, risk.lifecycle])).toEqual([
      ["1", "Obsolete"],
    ]);
    expect(checks.lifecycleError).toBeNull();
  });

  it("still lets the buyer decide when lifecycles cannot be checked", async () => {
    const bom = bomOf([line("1")]);
    const api = new ScriptedApi(bom);
    api.lifecycles = { "MPN-1": new Error("The add-in server could not be reached.") };
    const checks = await approvalChecks(api, bom);
    expect(checks.lifecycleError).toBe("The add-in server could not be reached.");
    expect(checks.lifecycleRisks).toEqual([]);
  });
});
