import { jobStateOf } from "../../src/server/boms/job-status";
import { toBomResponse, toJobStatus } from "../../src/server/boms/views";

describe("jobStateOf", () => {
  it.each([
    ["PENDING", "pending"],
    ["queued", "pending"],
    ["STARTED", "running"],
    ["running", "running"],
    ["RETRY", "running"],
    ["SUCCESS", "success"],
    ["Succeeded", "success"],
    ["FAILURE", "failure"],
    ["failed", "failure"],
    [" revoked ", "failure"],
    ["something-new", "running"],
  ])("%s is %s", (word, state) => {
    expect(jobStateOf(word)).toBe(state);
  });
});

describe("toJobStatus", () => {
  it("reads the emulator/Celery job shape", () => {
    expect(
      toJobStatus("j1", {
        id: "j1",
        status: "SUCCESS",
        result: { bom_id: "b1", created: true, lines: 4, unmatched_lines: 1 },
        error: null,
      }),
    ).toEqual({
      id: "j1",
      state: "success",
      raw_status: "SUCCESS",
      bom_id: "b1",
      created: true,
      lines: 4,
      unmatched_lines: 1,
      error: null,
    });
    expect(toJobStatus("j2", { status: "failed", error: "bad line" })).toMatchObject({
      id: "j2",
      state: "failure",
      bom_id: null,
      error: "bad line",
    });
  });
});

describe("toBomResponse", () => {
  it("maps lines, deriving match status and refdes when absent", () => {
    const bom = toBomResponse(
      { id: "b1", name: "Board", version: "A", created_at: "t0", updated_at: "t1" },
      [
        {
          id: "l1",
          line_number: 3,
          mpn: "LM358N",
          quantity: 2,
          reference_designators_string: "U1, U2",
          part: { id: "TI1", mpn: "LM358N", mfr: "Texas Instruments", description: "op amp" },
        },
        { id: "l2", mpn: "??", reference_designators: ["X1"], do_not_place: true, part: null },
        { id: "l3", mpn: null, is_custom_part: true, match_status: "custom" },
      ],
    );
    expect(bom).toMatchObject({ id: "b1", name: "Board", version: "A", part_number: null });
    expect(bom.lines[0]).toEqual({
      id: "l1",
      line_number: "3",
      mpn: "LM358N",
      manufacturer_name: null,
      quantity: 2,
      reference_designators: ["U1", "U2"],
      do_not_place: false,
      part: {
        cpid: "TI1",
        mpn: "LM358N",
        manufacturer: "Texas Instruments",
        description: "op amp",
      },
      match_status: "matched",
    });
    expect(bom.lines[1]).toMatchObject({
      match_status: "unmatched",
      do_not_place: true,
      part: null,
    });
    expect(bom.lines[2]?.match_status).toBe("custom");
  });
});
