import { spawnSync } from "node:child_process";
import path from "node:path";
import { BOM_FIELDS } from "../../src/core/bom";
import { cli, FIXTURES } from "./helpers";

const fixture = (name: string) => path.join(FIXTURES, name);

describe("cofactr-bom map --json", () => {
  it("reads a two-row header (merged group cell) as one header", async () => {
    const { code, stdout } = await cli("map", fixture("two-row-header.csv"), "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.header_row).toBe(2);
    expect(json.columns).toMatchObject({
      manufacturer_name: "Manufacturer Name",
      mpn: "Manufacturer Part Number",
      quantity: "Qty",
      reference_designators: "Designator",
    });
    expect(json.lines.map((line: { mpn: string }) => line.mpn)).toEqual([
      "LM358DR",
      "RC0603FR-0710KL",
    ]);
  });

  it("says an empty file is empty, with exit code 0 and valid JSON", async () => {
    const { code, stdout } = await cli("map", fixture("empty.csv"), "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ header_row: null, lines: [] });
    expect(json.issues).toEqual([
      expect.objectContaining({ row: 1, message: expect.stringMatching(/the sheet is empty/) }),
    ]);
  });

  it("prints exactly one JSON object with the agreed keys", async () => {
    const { code, stdout, stderr } = await cli("map", fixture("eagle-semicolon.csv"), "--json");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout.trim().split("\n")).toHaveLength(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual([
      "file",
      "header_row",
      "delimiter",
      "columns",
      "mapping",
      "lines",
      "issues",
    ]);
    expect(Object.keys(json.columns)).toEqual([...BOM_FIELDS]);
    expect(Object.keys(json.mapping)).toEqual([...BOM_FIELDS]);
    expect(json).toMatchObject({ header_row: 1, delimiter: ";" });
    expect(json.columns).toMatchObject({
      reference_designators: "Part",
      value: "Value",
      package: "Package",
      description: "Description",
      manufacturer_name: "MF",
      mpn: "MPN",
      quantity: null,
    });
    expect(json.lines).toHaveLength(4);
    expect(json.lines[3]).toMatchObject({
      mpn: "LM358DR",
      manufacturer_name: "Texas Instruments",
      quantity: 1,
      reference_designators: ["U1"],
    });
  });

  it("gives each field its column, confidence, source and reasons (German headers)", async () => {
    const json = JSON.parse((await cli("map", fixture("german-headers.csv"), "--json")).stdout);
    expect(json.columns).toMatchObject({ quantity: "Anzahl", mpn: "Herstellernummer" });
    expect(json.mapping.quantity).toEqual({
      column: 2,
      header: "Anzahl",
      confidence: expect.any(Number),
      source: "header",
      reasons: expect.arrayContaining([
        expect.stringMatching(/Anzahl.*Quantity/),
        expect.stringMatching(/of rows hold the number of designators listed/),
      ]),
    });
    expect(json.mapping.quantity.confidence).toBeGreaterThanOrEqual(0.8);
    expect(json.mapping.mpn).toMatchObject({ column: 7, header: "Herstellernummer" });
    expect(json.mapping.mpn.reasons[0]).toMatch(/Herstellernummer/);
    // Every mapped field says why; an unmapped one has no column, no confidence and no reasons.
    for (const [field, entry] of Object.entries(json.mapping) as [
      string,
      { column: number | null; reasons: string[] },
    ][]) {
      if (entry.column === null) {
        expect([field, entry]).toEqual([
          field,
          { column: null, header: null, confidence: 0, source: null, reasons: [] },
        ]);
      } else {
        expect({ field, explained: entry.reasons.length > 0 }).toEqual({ field, explained: true });
      }
    }
  });

  it("maps a tab-separated Altium export", async () => {
    const json = JSON.parse((await cli("map", fixture("altium-default.tsv"), "--json")).stdout);
    expect(json.delimiter).toBe("\t");
    expect(json.columns).toMatchObject({
      value: "Comment",
      reference_designators: "Designator",
      quantity: "Quantity",
      package: "Footprint",
    });
    expect(json.lines.map((line: { quantity: number }) => line.quantity)).toEqual([3, 4, 1]);
  });

  it("reads a headerless list by contents and says so", async () => {
    const json = JSON.parse(
      (await cli("map", fixture("headerless-mpn-refs.csv"), "--json")).stdout,
    );
    expect(json.header_row).toBeNull();
    expect(json.columns.mpn).toBe("column 1");
    expect(json.columns.reference_designators).toBe("column 2");
    expect(json.lines.map((line: { quantity: number }) => line.quantity)).toEqual([2, 3, 4]);
    expect(json.issues[0].message).toMatch(/no header row/);
  });

  it("reads DNP from a Latin-1 file", async () => {
    const json = JSON.parse((await cli("map", fixture("latin1-semicolon.csv"), "--json")).stdout);
    expect(json.lines.map((line: { do_not_place: boolean }) => line.do_not_place)).toEqual([
      false,
      false,
      true,
    ]);
    expect(json.lines[0].value).toBe("10k ±1%");
  });
});

describe("cofactr-bom map (summary)", () => {
  it("prints the mapping table with confidences, counts and issues", async () => {
    const { code, stdout } = await cli("map", fixture("emulator-parts.csv"));
    expect(code).toBe(0);
    expect(stdout).toMatch(/Header on row 1\./);
    expect(stdout).toMatch(/5 lines, 1 do-not-place, 90 placed reference designators\./);
    expect(stdout).toMatch(/mpn\s+F "MPN"\s+1\.00\s+header/);
    expect(stdout).toMatch(/do_not_place\s+G "DNP"\s+1\.00\s+header \(dnp\)/);
    // Each mapped field's strongest reason, on the line under it.
    expect(stdout).toMatch(/\nmpn\s+F "MPN".*\n {2}why: header "MPN" names MPN\n/);
    expect(stdout).toMatch(/Issues: 0 errors, 0 warnings, 1 notes\./);
  });
});

describe("cofactr-bom errors", () => {
  it("names a missing file and exits 2", async () => {
    const { code, stderr } = await cli("map", fixture("nope.csv"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/nope\.csv: no such file/);
  });

  it("rejects a bad --builds before doing anything", async () => {
    const { code, stderr } = await cli("price", fixture("emulator-parts.csv"), "--builds", "0");
    expect(code).toBe(2);
    expect(stderr).toMatch(/--builds.*whole number of at least 1/);
  });

  it("rejects an unknown currency", async () => {
    const { code, stderr } = await cli(
      "price",
      fixture("emulator-parts.csv"),
      "--builds",
      "1",
      "--currency",
      "XYZ",
      "--server",
      "http://127.0.0.1:9",
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/"XYZ" is not an ISO 4217 code/);
  });

  it("reports an unreachable server", async () => {
    const { code, stderr } = await cli(
      "price",
      fixture("emulator-parts.csv"),
      "--builds",
      "1",
      "--server",
      "http://127.0.0.1:9",
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/127\.0\.0\.1:9.*ECONNREFUSED/);
  });
});

describe("the cofactr-bom process", () => {
  it("runs as a command and writes only the JSON document to stdout", () => {
    const root = path.resolve(__dirname, "..", "..");
    const result = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(root, "src", "cli", "main.ts"),
        "map",
        fixture("altium-default.tsv"),
        "--json",
      ],
      { cwd: root, encoding: "utf8", timeout: 60_000 },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).lines).toHaveLength(3);
  });
});
