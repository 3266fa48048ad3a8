import { ApiError } from "../../src/server/errors";
import { lookupBodySchema, parseOrThrow, upsertBomSchema } from "../../src/server/validation";

function problem(value: unknown, schema: Parameters<typeof parseOrThrow>[0] = upsertBomSchema) {
  try {
    parseOrThrow(schema, value);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.statusCode, ...error.toBody().error };
    throw error;
  }
  throw new Error("expected a validation error");
}

const line = { mpn: "LM358N", quantity: 2, reference_designators: ["U1", "U2"] };

describe("upsert BOM validation", () => {
  it("accepts the documented body, nulls included", () => {
    const body = {
      name: "Board",
      version: null,
      part_number: "PN-1",
      lines: [line, { ...line, mpn: null, manufacturer_name: null, line_number: "2" }],
      integration_record_id: "sheet-1",
      integration_source_name: "excel",
      synced_from_integration: true,
      synced_from_integration_at: "2026-11-23T10:00:00Z",
      metadata: { sheet: "Sheet1" },
    };
    expect(parseOrThrow(upsertBomSchema, body)).toEqual(body);
  });

  it("sets no length on alternates and designators, as the seed page does", () => {
    const long = "X".repeat(300);
    const body = {
      name: "Board",
      lines: [{ ...line, alternative_mpns: [long], reference_designators: [long] }],
    };
    expect(parseOrThrow(upsertBomSchema, body)).toEqual(body);
  });

  it.each([
    [{ lines: [] }, "name", "is required"],
    [{ name: "" }, "name", "must not be empty (send null instead)"],
    [{ name: "x".repeat(256) }, "name", "must be at most 255 characters"],
    [
      { name: "B", lines: [line, line, line, { ...line, mpn: "" }] },
      "lines[3].mpn",
      "must not be empty (send null instead)",
    ],
    [{ name: "B", lines: [{ quantity: 1 }] }, "lines[0].mpn", "is required"],
    [
      { name: "B", lines: [{ ...line, quantity: 1.5 }] },
      "lines[0].quantity",
      "must be an integer, not 1.5",
    ],
    [
      { name: "B", lines: [{ ...line, line_number: 7 }] },
      "lines[0].line_number",
      "must be a string, not 7",
    ],
    [
      { name: "B", lines: [{ ...line, manufacturer: "TI" }] },
      "lines[0].manufacturer",
      "is not a known field",
    ],
    [
      { name: "B", synced_from_integration_at: "yesterday" },
      "synced_from_integration_at",
      "must be an ISO 8601 date-time",
    ],
  ])("refuses %j naming %s", (body, field, message) => {
    const error = problem(body);
    expect(error.status).toBe(422);
    expect(error.code).toBe("validation_error");
    expect(error.field).toBe(field);
    expect(error.message).toContain(`${field}: ${message}`);
  });

  it("lists every problem, the first in field and message", () => {
    const error = problem({ name: "", lines: [{ mpn: "" }] });
    expect(error.issues).toEqual([
      { field: "name", message: "must not be empty (send null instead)" },
      { field: "lines[0].mpn", message: "must not be empty (send null instead)" },
    ]);
    expect(error.message).toMatch(/and 1 more problem\)$/);
  });
});

describe("lookup body validation", () => {
  it("accepts queries and the refresh flag, refuses more than 2,000 queries", () => {
    expect(
      parseOrThrow(lookupBodySchema, {
        queries: [{ mpn: "A", manufacturer: null }],
        refresh: true,
      }),
    ).toEqual({
      queries: [{ mpn: "A", manufacturer: null }],
      refresh: true,
    });
    const tooMany = problem(
      { queries: Array.from({ length: 2001 }, () => ({ mpn: "A" })) },
      lookupBodySchema,
    );
    expect(tooMany.field).toBe("queries");
    expect(tooMany.message).toContain("at most 2000 items");
    expect(problem({ queries: [{ mpn: 5 }] }, lookupBodySchema).field).toBe("queries[0].mpn");
    expect(problem({}, lookupBodySchema).field).toBe("queries");
  });
});
