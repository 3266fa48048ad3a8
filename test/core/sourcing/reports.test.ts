import { bomHealth, buyLists, planSourcing } from "../../../src/core/sourcing";
import { line, offer, part } from "./fixtures";

const a = (stock: number, price: number) => offer({ seller: "A", stock, breaks: [[1, price]] });
const b = (stock: number, price: number) => offer({ seller: "B", stock, breaks: [[1, price]] });

const lines = [
  line("2", 1, part("R1", [a(1000, 0.1), b(1000, 0.2)])),
  // Same part again on another row: its buy merges into the same buy-list row.
  line("3", 2, part("R1", [a(1000, 0.1), b(1000, 0.2)])),
  // A has only 5: the rest from B.
  line("4", 1, part("U1", [a(5, 1), b(100, 2)], "NRFND")),
  line("5", 1, part("J1", [b(0, 1)]), { alternates: [] }),
];
const plan = planSourcing(lines, { builds: [10, 1000], currency: "USD" });

describe("buyLists", () => {
  const lists = buyLists(plan.builds[0]!);

  it("groups the build's orders by seller, largest spend first", () => {
    // A: R1 10 + 20 at 0.10 = 3.00, U1 5 at 1 = 5.00 → 8.00. B: U1 5 at 2 = 10.00.
    expect(lists.map((list) => [list.seller, list.total])).toEqual([
      ["B", 10],
      ["A", 8],
    ]);
  });

  it("merges one SKU bought by several lines into one row, naming the lines", () => {
    const r1 = lists[1]?.rows.find((row) => row.mpn === "R1");
    expect(r1).toMatchObject({ sku: "A-SKU", quantity: 30, lines: ["2", "3"] });
    expect(r1?.extendedPrice).toBeCloseTo(3, 10);
    expect(r1?.unitPrice).toBeCloseTo(0.1, 10);
  });
});

describe("bomHealth", () => {
  const health = bomHealth(plan);

  it("lists lifecycle risks with their status", () => {
    expect(health.lifecycle).toEqual([{ id: "4", mpn: "U1", detail: "NRFND" }]);
  });

  it("lists short lines for each build quantity", () => {
    expect(health.short.map((s) => [s.build, s.lines.map((l) => l.id)])).toEqual([
      [10, ["5"]],
      [1000, ["4", "5"]],
    ]);
    expect(health.short[1]?.lines[0]?.detail).toBe("short 895 of 1000");
  });

  it("counts a seller once however many offers it has (two offers from B are one source)", () => {
    const oneSeller = planSourcing([line("9", 1, part("X", [b(10, 1), b(20, 1.5)]))], {
      builds: [1],
      currency: "USD",
    });
    expect(bomHealth(oneSeller).singleSource.map((e) => e.id)).toEqual(["9"]);
  });
});
