import { collapseSpaces, queryKey } from "../../src/core/query-key";

describe("the shared query key", () => {
  it("ignores case, outer spaces and the width of inner spaces", () => {
    const key = queryKey({ mpn: "GRM188R71H104KA93D", manufacturer: "Murata Electronics" });
    expect(queryKey({ mpn: " grm188r71h104ka93d\t", manufacturer: "murata   electronics" })).toBe(
      key,
    );
  });

  it("tells MPN and manufacturer apart, and a manufacturer from none", () => {
    expect(queryKey({ mpn: "LM358", manufacturer: "TI" })).not.toBe(queryKey({ mpn: "LM358" }));
    expect(queryKey({ mpn: "A B" })).not.toBe(queryKey({ mpn: "A", manufacturer: "B" }));
    expect(queryKey({ mpn: "LM358", manufacturer: null })).toBe(queryKey({ mpn: "LM358" }));
  });

  it("collapses every kind of white space run to one space", () => {
    expect(collapseSpaces("  R 1 \u00a0\n 2  ")).toBe("R 1 2");
  });
});
