/**
 * The metadata Excel registers the functions from (functions.json), generated from the JSDoc of
 * functions.ts exactly as the webpack plugin does.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

const SOURCE = path.join(__dirname, "../../../src/addin/functions/functions.ts");

type Param = [name: string, type: string, optional: boolean];
const MPN: Param = ["mpn", "string", false];
const MFR: Param = ["manufacturer", "string", true];
const AUTHORIZED: Param = ["authorized", "boolean", true];

/** id → parameters and result: the public surface users' workbooks depend on. */
const EXPECTED: Record<
  string,
  { params: Param[]; result: { type?: string; dimensionality?: string } }
> = {
  VERSION: { params: [], result: { type: "string" } },
  PART: { params: [MPN, MFR], result: {} },
  CPID: { params: [MPN, MFR], result: { type: "string" } },
  DESCRIPTION: { params: [MPN, MFR], result: { type: "string" } },
  MANUFACTURER: { params: [MPN, MFR], result: { type: "string" } },
  LIFECYCLE: { params: [MPN, MFR], result: { type: "string" } },
  PACKAGE: { params: [MPN, MFR], result: { type: "string" } },
  DATASHEET: { params: [MPN, MFR], result: { type: "string" } },
  UPDATED: { params: [MPN, MFR], result: { type: "number" } },
  PRICE: {
    params: [
      MPN,
      MFR,
      ["quantity", "number", true],
      ["currency", "string", true],
      ["seller", "string", true],
      AUTHORIZED,
    ],
    result: { type: "number" },
  },
  STOCK: {
    params: [MPN, MFR, ["seller", "string", true], AUTHORIZED],
    result: { type: "number" },
  },
  // quantity is required, so the manufacturer must be too (may be left empty), as for SPEC.
  AVAILABILITY: {
    params: [MPN, ["manufacturer", "string", false], ["quantity", "number", false], AUTHORIZED],
    result: { type: "number" },
  },
  PRICEBREAKS: {
    params: [MPN, MFR, ["seller", "string", true]],
    result: { dimensionality: "matrix" },
  },
  LEADTIME: { params: [MPN, MFR, ["seller", "string", true]], result: { type: "number" } },
  // Excel does not allow a required argument after an optional one: the manufacturer is
  // required here but may be left empty, =COFACTR.SPEC(A2,,"capacitance").
  SPEC: {
    params: [MPN, ["manufacturer", "string", false], ["name", "string", false]],
    result: { type: "string" },
  },
  OFFERS: {
    params: [MPN, MFR, ["quantity", "number", true], AUTHORIZED],
    result: { dimensionality: "matrix" },
  },
};

let functions: FunctionMetadata[];
let errors: string[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(SOURCE);
  errors = generated.errors;
  functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
});

describe("custom functions metadata", () => {
  it("generates without errors", () => {
    expect(errors).toEqual([]);
  });

  it("makes every lookup cancelable (an edited or deleted cell drops its query)", () => {
    const cancelable = functions.filter((f) => f.options?.cancelable === true).map((f) => f.id);
    expect(cancelable.sort()).toEqual(
      Object.keys(EXPECTED)
        .filter((id) => id !== "VERSION")
        .sort(),
    );
  });

  it("declares exactly the expected functions", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))("%s: parameters and result", (id, expected) => {
    const fn = functions.find((f) => f.id === id);
    expect(fn).toBeDefined();
    expect(fn?.name).toBe(id);
    expect(fn?.parameters.map((p) => [p.name, p.type, p.optional === true] as Param)).toEqual(
      expected.params,
    );
    expect(fn?.result).toEqual(expected.result);
    for (const parameter of fn?.parameters ?? []) {
      expect(parameter.dimensionality ?? "scalar").toBe("scalar");
      expect(parameter.description?.length ?? 0).toBeGreaterThan(5);
    }
  });

  it("every function has an uppercase id, a description and the help page", () => {
    for (const fn of functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(fn.description?.length ?? 0).toBeGreaterThan(10);
      expect(fn.helpUrl).toBe("https://localhost:3000/help.html");
      // Lookups must not be volatile or they would re-run on every edit in the workbook.
      expect(fn.options?.volatile ?? false).toBe(false);
    }
  });

  it("no optional parameter comes before a required one", () => {
    for (const fn of functions) {
      const firstOptional = fn.parameters.findIndex((p) => p.optional === true);
      if (firstOptional < 0) continue;
      expect(fn.parameters.slice(firstOptional).every((p) => p.optional === true)).toBe(true);
    }
  });
});
