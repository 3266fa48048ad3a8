/** The Programs contract's readers: lenient where a guessed field may be missing, strict on ids. */
import {
  cofactrPartOverride,
  cofactrProgram,
  cofactrProgramAvailability,
  cofactrReferencePricing,
} from "../../src/core/cofactr-programs";

describe("Cofactr Programs readers", () => {
  it("counts availability totals from the items when Cofactr sends no summary", () => {
    const read = cofactrProgramAvailability.parse({
      items: [
        {
          part: "CPID00000001",
          required_quantity: 10,
          available_quantity: 10,
          status: "available",
        },
        { part: { id: "CPID00000002", mpn: "X" }, required_quantity: 5, status: "partial" },
        { part: "CPID00000003", status: "backordered" },
      ],
    });
    expect(read.totals).toEqual({
      parts: 3,
      available: 1,
      partial: 1,
      // A status word the contract does not know is read as the safe "unavailable".
      unavailable: 1,
      authorized_available: 0,
      best_offer_cost: null,
    });
    expect(read.parts[1]).toMatchObject({
      part: { cpid: "CPID00000002", mpn: "X", manufacturer: null },
      required_quantity: 5,
      purchasable: 0,
      offers: [],
      best_offer: null,
    });
  });

  it("refuses answers without the ids nothing can be done without", () => {
    expect(cofactrProgram.safeParse({ name: "no id" }).success).toBe(false);
    expect(cofactrPartOverride.safeParse({ id: "o1", part: "", override_part: "X" }).success).toBe(
      false,
    );
    expect(cofactrReferencePricing.safeParse({ items: "none" }).success).toBe(false);
  });

  it("tells a program answer with its lines from one without", () => {
    expect(cofactrProgram.parse({ id: "p1", name: "P" })).toMatchObject({
      lines: [],
      line_count: null,
      linesIncluded: false,
    });
    const withLines = cofactrProgram.parse({
      id: "p1",
      name: "P",
      lines: [{ id: "l1", bom: { id: "b1", name: "Board" }, quantity: 3 }],
    });
    expect(withLines).toMatchObject({
      line_count: 1,
      linesIncluded: true,
      lines: [{ id: "l1", bom_id: "b1", bom_name: "Board", quantity: 3 }],
    });
  });
});
