/**
 * The emulated Programs API over HTTP: CRUD, lines, part overrides, availability computed from
 * the catalogue's offers (checked here against the catalogue itself), its async job, reference
 * pricing from price breaks, errors and bounds.
 */
import {
  cofactrPartOverride,
  cofactrProgram,
  cofactrProgramAvailability,
  cofactrProgramSummary,
  cofactrReferencePricing,
} from "../../../src/core/cofactr-programs";
import { getCatalogue, startEmulator, type RunningEmulator } from "../../../src/server/emulator";
import type { CatalogueOffer } from "../../../src/server/emulator/catalogue";
import { platformCall, pollJob, type Body } from "./support";

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());

const catalogue = getCatalogue();

const LINES = [
  { mpn: "LMK107BJ475KAHT", manufacturer_name: "Taiyo Yuden", quantity: 14, line_number: "1" },
  { mpn: "RC0402FR-1310KL", manufacturer_name: "Yageo", quantity: 8, line_number: "2" },
  { mpn: "TPD3S014DBVR", manufacturer_name: "TI", quantity: 1, line_number: "3" },
  { mpn: "NOT-A-REAL-PART-42", quantity: 2, line_number: "4" },
  { mpn: "GRM188R71C104KA01D", quantity: 3, do_not_place: true, line_number: "5" },
  { mpn: null, quantity: 1, is_custom_part: true, line_number: "6" },
];

async function uploadBom(name: string): Promise<Body> {
  const put = await platformCall(emulator, "PUT", "/v1/integrations/async_boms/", {
    name,
    lines: LINES,
  });
  expect(put.status).toBe(200);
  const done = (await pollJob(emulator, put.body as string)).at(-1);
  expect(done.status).toBe("SUCCESS");
  return (await platformCall(emulator, "GET", `/v1/boms/${done.result.bom_id}/`)).body;
}

async function createProgram(name: string, bomId: string, quantity: number): Promise<Body> {
  const created = await platformCall(emulator, "POST", "/v1/programs/", {
    name,
    lines: [{ bom_id: bomId, quantity }],
  });
  expect(created.status).toBe(201);
  return created.body;
}

/** What an offer can sell now, straight from the catalogue: whole multiples, none below MOQ. */
function sellableNow(offer: CatalogueOffer): number {
  const units = Math.floor(offer.inventory_level / offer.order_multiple) * offer.order_multiple;
  return units >= offer.moq ? units : 0;
}

function usd(point: CatalogueOffer["prices"][number]): number {
  return point.currency === "USD" ? point.price : point.converted_price;
}

describe("programs", () => {
  it("creates, reads, lists, renames and deletes a program with its BOM line", async () => {
    const bom = await uploadBom("Programs CRUD board");
    const program = await createProgram("Programs CRUD", bom.id, 25);
    expect(program).toMatchObject({
      name: "Programs CRUD",
      description: null,
      line_count: 1,
      lines: [{ bom_id: bom.id, quantity: 25, bom: { id: bom.id, name: "Programs CRUD board" } }],
    });

    const listed = await platformCall(emulator, "GET", "/v1/programs/?search=crud");
    expect(listed.body.items.map((item: Body) => item.id)).toContain(program.id);
    expect(listed.body.items[0]).not.toHaveProperty("lines");

    const renamed = await platformCall(emulator, "PATCH", `/v1/programs/${program.id}/`, {
      name: "Programs CRUD v2",
      description: "Pilot run",
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Programs CRUD v2", description: "Pilot run" });

    expect((await platformCall(emulator, "DELETE", `/v1/programs/${program.id}/`)).status).toBe(
      204,
    );
    expect((await platformCall(emulator, "GET", `/v1/programs/${program.id}/`)).status).toBe(404);
  });

  it("edits program lines: one line per BOM, quantities changed in place", async () => {
    const first = await uploadBom("Lines board A");
    const second = await uploadBom("Lines board B");
    const program = await createProgram("Lines", first.id, 5);
    const base = `/v1/programs/${program.id}/lines/`;

    const added = await platformCall(emulator, "POST", base, { bom_id: second.id, quantity: 7 });
    expect(added.status).toBe(201);
    const again = await platformCall(emulator, "POST", base, { bom_id: second.id, quantity: 1 });
    expect(again.status).toBe(400);
    expect(again.body.detail).toMatch(/already on this program/);

    const patched = await platformCall(emulator, "PATCH", `${base}${added.body.id}/`, {
      quantity: 70,
    });
    expect(patched.body).toMatchObject({ id: added.body.id, bom_id: second.id, quantity: 70 });
    const listed = await platformCall(emulator, "GET", base);
    expect(listed.body.count).toBe(2);

    expect((await platformCall(emulator, "DELETE", `${base}${added.body.id}/`)).status).toBe(204);
    expect((await platformCall(emulator, "GET", `${base}${added.body.id}/`)).status).toBe(404);
    expect((await platformCall(emulator, "GET", base)).body.count).toBe(1);
  });

  it("refuses bad bodies with django-ninja 422s and unknown ids with 404", async () => {
    const bom = await uploadBom("Errors board");
    const bad = await platformCall(emulator, "POST", "/v1/programs/", {
      name: "",
      lines: [{ bom_id: bom.id, quantity: 0 }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail.map((item: Body) => item.loc.join("."))).toEqual(
      expect.arrayContaining(["body.name", "body.lines.0.quantity"]),
    );
    const unknownBom = await platformCall(emulator, "POST", "/v1/programs/", {
      name: "x",
      lines: [{ bom_id: "00000000-0000-4000-8000-000000000000", quantity: 1 }],
    });
    expect(unknownBom.status).toBe(400);
    const missing = "11111111-1111-4111-8111-111111111111";
    for (const path of ["", "lines/", "availabilities/", "reference_pricing/", "part_overrides/"]) {
      const response = await platformCall(emulator, "GET", `/v1/programs/${missing}/${path}`);
      expect([path, response.status]).toEqual([path, 404]);
    }
    expect((await platformCall(emulator, "GET", "/v1/programs")).status).toBe(404);
  });
});

describe("availability", () => {
  it("is computed from the catalogue's offers at the program's build quantity", async () => {
    const bom = await uploadBom("Availability board");
    const builds = 40;
    const program = await createProgram("Availability", bom.id, builds);
    const response = await platformCall(
      emulator,
      "GET",
      `/v1/programs/${program.id}/availabilities/`,
    );
    expect(response.status).toBe(200);
    const report = response.body;

    // Placed, matched lines only: not the DNP line, the custom part or the unknown MPN.
    const placed = bom.lines.filter(
      (line: Body) => line.part && !line.do_not_place && !line.is_custom_part,
    );
    expect(report.items).toHaveLength(placed.length);
    expect(report.unmatched_lines).toEqual([
      expect.objectContaining({ mpn: "NOT-A-REAL-PART-42", quantity: 2 * builds }),
    ]);

    for (const line of placed) {
      const item = report.items.find((candidate: Body) => candidate.part.id === line.part.id);
      const product = catalogue.get(line.part.id);
      if (!item || !product) throw new Error(`no availability for ${line.part.id}`);
      const required = line.quantity * builds;
      const offers = product.offers;
      const authorized = offers.filter((offer) => offer.is_authorized);
      const sum = (list: CatalogueOffer[], of: (o: CatalogueOffer) => number) =>
        list.reduce((total, offer) => total + of(offer), 0);
      const anyNow = Math.min(required, sum(offers, sellableNow));
      const authorizedNow = Math.min(required, sum(authorized, sellableNow));

      expect(item).toMatchObject({
        required_quantity: required,
        inventory_level: sum(offers, (offer) => offer.inventory_level),
        authorized_inventory_level: sum(authorized, (offer) => offer.inventory_level),
        available_quantity: anyNow,
        authorized_available_quantity: authorizedNow,
        shortfall: required - anyNow,
        status: anyNow === required ? "available" : anyNow > 0 ? "partial" : "unavailable",
      });
      expect(item.offers).toHaveLength(offers.length);
      // The best offer covers the need alone and no covering offer is cheaper.
      const covering = item.offers.filter((offer: Body) => offer.covers_required);
      if (covering.length === 0) expect(item.best_offer).toBeNull();
      else {
        const cheapest = Math.min(...covering.map((offer: Body) => offer.extended_price));
        expect(item.best_offer.extended_price).toBe(cheapest);
        const source = offers.find(
          (offer) =>
            offer.seller.id === item.best_offer.seller.id && offer.sku === item.best_offer.sku,
        );
        if (!source) throw new Error("best offer not in the catalogue");
        expect(item.best_offer.buy_quantity).toBeGreaterThanOrEqual(Math.max(required, source.moq));
        expect(item.best_offer.buy_quantity % source.order_multiple).toBe(0);
        expect(item.best_offer.buy_quantity).toBeLessThanOrEqual(source.inventory_level);
        const breakUsed = source.prices
          .filter((point) => point.quantity <= item.best_offer.buy_quantity)
          .sort((a, b) => b.quantity - a.quantity)[0];
        expect(item.best_offer.unit_price).toBe(breakUsed ? usd(breakUsed) : null);
        expect(item.lead_days).toBe(source.shipping_lead);
      }
    }
    // At 40 boards some part is bought whole from one offer, so the check above ran.
    expect(report.items.some((item: Body) => item.best_offer !== null)).toBe(true);
    expect(report.summary).toMatchObject({
      parts: placed.length,
      available: report.items.filter((item: Body) => item.status === "available").length,
    });
  });

  it("runs short when the build outgrows the stock", async () => {
    const bom = await uploadBom("Shortage board");
    const program = await createProgram("Shortage", bom.id, 5_000_000);
    const report = (
      await platformCall(emulator, "GET", `/v1/programs/${program.id}/availabilities/`)
    ).body;
    const capacitor = report.items.find((item: Body) => item.part.mpn === "LMK107BJ475KAHT");
    expect(capacitor.required_quantity).toBe(14 * 5_000_000);
    expect(capacitor.available_quantity).toBeLessThan(capacitor.required_quantity);
    expect(capacitor.shortfall).toBe(capacitor.required_quantity - capacitor.available_quantity);
    expect(capacitor.status).not.toBe("available");
    expect(capacitor.best_offer).toBeNull();
  });

  it("applies part overrides, program-wide or for one BOM line", async () => {
    const bom = await uploadBom("Override board");
    const program = await createProgram("Override", bom.id, 10);
    const resistor = bom.lines.find((line: Body) => line.mpn === "RC0402FR-1310KL");
    const substitute = catalogue.products.find(
      (product) => product.mpn !== resistor.part.mpn && product.classification.includes("resistor"),
    );
    if (!substitute) throw new Error("no substitute resistor in the catalogue");
    const base = `/v1/programs/${program.id}/part_overrides/`;

    const unknown = await platformCall(emulator, "POST", base, {
      part: resistor.part.id,
      override_part: "NOSUCHPART00",
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail[0].loc).toEqual(["body", "override_part"]);

    const created = await platformCall(emulator, "POST", base, {
      part: resistor.part.id,
      override_part: substitute.id,
      bom_line_id: resistor.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      part: { id: resistor.part.id },
      override_part: { id: substitute.id, mpn: substitute.mpn },
      bom_line_id: resistor.id,
    });
    const duplicate = await platformCall(emulator, "POST", base, {
      part: resistor.part.id,
      override_part: substitute.id,
      bom_line_id: resistor.id,
    });
    expect(duplicate.status).toBe(400);

    const report = (
      await platformCall(emulator, "GET", `/v1/programs/${program.id}/availabilities/`)
    ).body;
    const ids = report.items.map((item: Body) => item.part.id);
    expect(ids).toContain(substitute.id);
    expect(ids).not.toContain(resistor.part.id);
    const replaced = report.items.find((item: Body) => item.part.id === substitute.id);
    expect(replaced).toMatchObject({
      required_quantity: 8 * 10,
      overridden_parts: [resistor.part.id],
      bom_line_ids: [resistor.id],
    });

    const other = catalogue.products.find(
      (product) => product.id !== substitute.id && product.classification.includes("resistor"),
    );
    if (!other) throw new Error("no second resistor");
    const patched = await platformCall(emulator, "PATCH", `${base}${created.body.id}/`, {
      override_part: other.id,
    });
    expect(patched.body.override_part.id).toBe(other.id);
    expect((await platformCall(emulator, "GET", base)).body.count).toBe(1);
    expect((await platformCall(emulator, "DELETE", `${base}${created.body.id}/`)).status).toBe(204);
    const restored = (
      await platformCall(emulator, "GET", `/v1/programs/${program.id}/availabilities/`)
    ).body;
    expect(restored.items.map((item: Body) => item.part.id)).toContain(resistor.part.id);
  });

  it("runs asynchronously as a job with Celery statuses, ending in the same report", async () => {
    const bom = await uploadBom("Async availability board");
    const program = await createProgram("Async availability", bom.id, 12);
    const started = await platformCall(
      emulator,
      "GET",
      `/v1/programs/${program.id}/availabilities_async/`,
    );
    expect(started.status).toBe(200);
    expect(typeof started.body).toBe("string");
    const seen = await pollJob(emulator, started.body as string);
    expect(seen.map((job) => job.status)).toEqual(["PENDING", "STARTED", "SUCCESS"]);
    const sync = (await platformCall(emulator, "GET", `/v1/programs/${program.id}/availabilities/`))
      .body;
    const { computed_at: _asyncAt, ...asyncReport } = seen.at(-1).result;
    const { computed_at: _syncAt, ...syncReport } = sync;
    expect(asyncReport).toEqual(syncReport);
    expect(seen[0].result).toBeNull();
  });

  it("fails the job when the program is deleted before it runs", async () => {
    const bom = await uploadBom("Vanishing board");
    const program = await createProgram("Vanishing", bom.id, 1);
    const jobId = (
      await platformCall(emulator, "GET", `/v1/programs/${program.id}/availabilities_async/`)
    ).body as string;
    await platformCall(emulator, "DELETE", `/v1/programs/${program.id}/`);
    const end = (await pollJob(emulator, jobId)).at(-1);
    expect(end).toMatchObject({ status: "FAILURE", error: "The program no longer exists." });
  });
});

describe("reference pricing", () => {
  it("takes each part's lowest price at the largest break at or below the quantity", async () => {
    const bom = await uploadBom("Pricing board");
    const builds = 300;
    const program = await createProgram("Pricing", bom.id, builds);
    const response = await platformCall(
      emulator,
      "GET",
      `/v1/programs/${program.id}/reference_pricing/`,
    );
    expect(response.status).toBe(200);
    let total = 0;
    for (const item of response.body.items) {
      const product = catalogue.get(item.part.id);
      if (!product) throw new Error(`unknown part ${item.part.id}`);
      const prices = product.offers.flatMap((offer) => {
        const usable = offer.prices.filter((point) => point.quantity <= item.required_quantity);
        const largest = usable.sort((a, b) => b.quantity - a.quantity)[0];
        return largest ? [usd(largest)] : [];
      });
      const expected = prices.length === 0 ? null : Math.min(...prices);
      expect([item.part.mpn, item.unit_price]).toEqual([item.part.mpn, expected]);
      if (expected !== null) {
        expect(item.extended_price).toBeCloseTo(expected * item.required_quantity, 5);
        total += item.extended_price;
      }
      // The curve never rises with quantity: each point is the lowest price available there.
      const curve = item.reference_prices.map((point: Body) => point.price);
      expect(curve).toEqual([...curve].sort((a: number, b: number) => b - a));
    }
    expect(response.body.summary.total).toBeCloseTo(total, 5);
  });
});

describe("the server's contract (src/core/cofactr-programs.ts)", () => {
  it("reads every Programs answer of the emulator into the /api views", async () => {
    const bom = await uploadBom("Contract board");
    const program = await createProgram("Contract", bom.id, 20);
    const read = cofactrProgram.parse(program);
    expect(read).toMatchObject({
      id: program.id,
      name: "Contract",
      line_count: 1,
      linesIncluded: true,
      lines: [{ bom_id: bom.id, bom_name: "Contract board", quantity: 20 }],
    });
    const list = await platformCall(emulator, "GET", "/v1/programs/?search=Contract");
    expect(list.body.items.map((item: Body) => cofactrProgramSummary.parse(item).id)).toContain(
      program.id,
    );

    const resistor = bom.lines.find((line: Body) => line.mpn === "RC0402FR-1310KL");
    const capacitor = bom.lines.find((line: Body) => line.mpn === "LMK107BJ475KAHT");
    const override = await platformCall(
      emulator,
      "POST",
      `/v1/programs/${program.id}/part_overrides/`,
      { part: resistor.part.id, override_part: capacitor.part.id },
    );
    expect(cofactrPartOverride.parse(override.body)).toMatchObject({
      part: { cpid: resistor.part.id, mpn: "RC0402FR-1310KL" },
      override_part: { cpid: capacitor.part.id, manufacturer: capacitor.part.mfr },
      bom_line_id: null,
    });

    const raw = (await platformCall(emulator, "GET", `/v1/programs/${program.id}/availabilities/`))
      .body;
    const availability = cofactrProgramAvailability.parse(raw);
    // The override folded the resistor's need into the capacitor's.
    const merged = availability.parts.find((item) => item.part.cpid === capacitor.part.id);
    const rawMerged = raw.items.find((item: Body) => item.part.id === capacitor.part.id);
    expect(merged).toMatchObject({
      required_quantity: (14 + 8) * 20,
      overridden_parts: [resistor.part.id],
      total_stock: rawMerged.inventory_level,
      purchasable: rawMerged.available_quantity,
    });
    expect(availability.totals).toMatchObject({
      parts: raw.summary.parts,
      available: raw.summary.available,
      partial: raw.summary.partial,
      unavailable: raw.summary.unavailable,
      best_offer_cost: raw.summary.best_offer_cost,
    });
    expect(availability.unmatched_lines).toEqual([
      expect.objectContaining({ mpn: "NOT-A-REAL-PART-42", quantity: 40 }),
    ]);

    const pricing = cofactrReferencePricing.parse(
      (await platformCall(emulator, "GET", `/v1/programs/${program.id}/reference_pricing/`)).body,
    );
    expect(pricing.parts.length).toBe(availability.parts.length);
    expect(pricing.priced_parts + pricing.unpriced_parts).toBe(pricing.parts.length);
  });
});

describe("bounds", () => {
  it("keeps at most maxPrograms programs, forgetting the least recently written", async () => {
    const small = await startEmulator({ limits: { maxPrograms: 2 } });
    try {
      const ids: string[] = [];
      for (const name of ["one", "two", "three"]) {
        const created = await platformCall(small, "POST", "/v1/programs/", { name });
        ids.push(created.body.id);
      }
      const statuses = await Promise.all(
        ids.map(async (id) => (await platformCall(small, "GET", `/v1/programs/${id}/`)).status),
      );
      expect(statuses).toEqual([404, 200, 200]);
    } finally {
      await small.close();
    }
  });
});
