import {
  readCurrency,
  readManufacturer,
  readMpn,
  readPartQuery,
  readQuantity,
  readRequiredText,
  readSeller,
} from "../../../src/addin/functions/args";
import { installCustomFunctionsStub, settle } from "../../support/customFunctions";

installCustomFunctionsStub();

const read = (fn: () => unknown) => settle(Promise.resolve().then(fn));
const ok = (value: unknown) => ({ ok: true, value });
const bad = (message: string | RegExp) => ({
  ok: false,
  code: "#VALUE!",
  message: expect.stringMatching(message),
});

describe("argument readers", () => {
  it.each<[string, () => unknown, unknown]>([
    ["MPN trimmed", () => readMpn("  LM358 "), ok("LM358")],
    ["numeric MPN from a number cell", () => readMpn(1234), ok("1234")],
    ["MPN null", () => readMpn(null), bad("MPN is empty")],
    ["MPN boolean", () => readMpn(true), bad("MPN must be text")],
    ["manufacturer blank → any", () => readManufacturer(" "), ok(undefined)],
    ["manufacturer null → any", () => readManufacturer(null), ok(undefined)],
    ["manufacturer too long", () => readManufacturer("m".repeat(300)), bad(/longer than 255/)],
    ["query without maker", () => readPartQuery("A", ""), ok({ mpn: "A" })],
    ["query with maker", () => readPartQuery("A", " TI "), ok({ mpn: "A", manufacturer: "TI" })],
    // Excel desktop passes a referenced empty cell as the number 0.
    ["empty MPN cell (0)", () => readMpn(0), bad("MPN is empty")],
    ["empty manufacturer cell (0) → any", () => readPartQuery("A", 0), ok({ mpn: "A" })],
    ["empty seller cell (0) → all", () => readSeller(0), ok(undefined)],
    ["empty currency cell (0) → USD", () => readCurrency(0), ok("USD")],
    ["quantity omitted → 1", () => readQuantity(null), ok(1)],
    ["quantity undefined → 1", () => readQuantity(undefined), ok(1)],
    ["quantity 250", () => readQuantity(250), ok(250)],
    ["quantity as text", () => readQuantity(" 40 "), ok(40)],
    ["quantity 0", () => readQuantity(0), bad(/at least 1, got 0/)],
    ["quantity -3", () => readQuantity(-3), bad(/got -3/)],
    ["quantity 1.5", () => readQuantity(1.5), bad(/got 1.5/)],
    ["quantity text", () => readQuantity("ten"), bad("quantity must be a number")],
    ["quantity NaN", () => readQuantity(Number.NaN), bad("quantity must be a number")],
    ["currency omitted → USD", () => readCurrency(null), ok("USD")],
    ["currency lower case", () => readCurrency("eur"), ok("EUR")],
    ["currency unknown", () => readCurrency("EURO"), bad(/unknown currency "EURO"/)],
    ["currency number", () => readCurrency(5), bad(/unknown currency "5"/)],
    ["seller blank → all", () => readSeller(""), ok(undefined)],
    ["seller", () => readSeller(" Mouser "), ok("Mouser")],
    ["required text", () => readRequiredText(" capacitance ", "spec name"), ok("capacitance")],
    ["required text missing", () => readRequiredText(null, "spec name"), bad("spec name is empty")],
  ])("%s", async (_name, fn, expected) => {
    expect(await read(fn)).toEqual(expected);
  });
});
