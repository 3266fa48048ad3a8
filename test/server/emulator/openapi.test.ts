/**
 * Every Knowledge Graph response the emulator gives, checked against graph-openapi.json with ajv:
 * once against the declared response schema, and once against the component for the requested
 * product schema with no extra keys allowed anywhere (the declared union would accept any object
 * with an `id`).
 */
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { GRAPH_SCHEMAS } from "../../../src/core/cofactr";
import { startEmulator, type RunningEmulator } from "../../../src/server/emulator";
import { describeReference, readShared } from "../../support/sharedReference";
import { graphBatch, graphGet, type Body, type HttpResult } from "./support";

type Json = Record<string, Body>;

const SPEC_FILE = "cofactr/graph-openapi.json";

// Read in beforeAll: without ../shared the suite is skipped (or fails in CI) before it is needed.
let spec: Json;
let ajv: Ajv2020;

/** A copy of the components where every object schema with properties forbids other keys. */
function strictComponents(components: Json): Json {
  const copy = structuredClone(components);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const object = node as Json;
    if (object.properties && object.additionalProperties === undefined)
      object.additionalProperties = false;
    Object.values(object).forEach(visit);
  };
  visit(copy.schemas);
  return copy;
}

function loadSpec(): void {
  spec = JSON.parse(readShared(SPEC_FILE)) as Json;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "https://graph.cofactr.com/openapi.json", components: spec.components });
  ajv.addSchema({
    $id: "https://graph.cofactr.com/strict.json",
    components: strictComponents(spec.components),
  });
}

function component(name: string, strict = false): ValidateFunction {
  const base = strict
    ? "https://graph.cofactr.com/strict.json"
    : "https://graph.cofactr.com/openapi.json";
  const validate = ajv.getSchema(`${base}#/components/schemas/${name}`);
  if (!validate) throw new Error(`no component ${name}`);
  return validate;
}

const PRODUCT_COMPONENT: Record<string, string> = {
  "product-v0": "ProductV0",
  "product-v1": "ProductV1",
  "product-offers-v0": "ProductOffersV0",
  "product-offers-v1": "ProductOffersV1",
};

/** Validates a response against what the OpenAPI declares for that path, method and status. */
function expectDeclared(path: string, method: string, response: HttpResult): void {
  const operation = spec.paths[path][method];
  const declared = operation.responses[String(response.status)];
  expect(declared).toBeDefined();
  const ref: string = declared.content["application/json"].schema.$ref;
  const validate = ajv.getSchema(
    `https://graph.cofactr.com/openapi.json${ref}`,
  ) as ValidateFunction;
  const valid = validate(response.body);
  if (!valid)
    throw new Error(`${method} ${path} ${response.status}: ${ajv.errorsText(validate.errors)}`);
  for (const [header, definition] of Object.entries(declared.headers ?? {})) {
    if ((definition as Json).description?.startsWith("Seconds until")) {
      expect(response.headers.get(header)).not.toBeNull();
    }
  }
}

function expectStrictProduct(product: unknown, schema: string): void {
  const validate = component(PRODUCT_COMPONENT[schema] as string, true);
  if (!validate(product)) {
    throw new Error(`${schema} product: ${ajv.errorsText(validate.errors)}`);
  }
}

let emulator: RunningEmulator;

describeReference("the emulator against the Knowledge Graph OpenAPI", [SPEC_FILE], () => {
  beforeAll(async () => {
    loadSpec();
    emulator = await startEmulator();
  });
  afterAll(() => emulator?.close());

  describe.each(GRAPH_SCHEMAS)("schema %s", (schema) => {
    it("GET /products/ (search, filter, deprecated id) matches the spec exactly", async () => {
      const queries = [
        `q=${encodeURIComponent("GRM188R71C104KA01D Murata")}&search_strategy=mpn_sku_mfr`,
        `q=0603&limit=60`,
        `q=FT232BM&search_strategy=mpn_exact`,
        `filtering=${encodeURIComponent(JSON.stringify([{ field: "id", operator: "IN", value: ["CC96NA4H7MOT", "TRRQ3ESYFO28"] }]))}`,
        `q=STM32&limit=40`,
        `q=${encodeURIComponent("mpn=1N4148&mpn=LM317T")}&search_strategy=mpn_exact_multi`,
      ];
      let products = 0;
      for (const query of queries) {
        const response = await graphGet(emulator, `/products/?schema=${schema}&${query}`);
        expect(response.status).toBe(200);
        expectDeclared("/products/", "get", response);
        for (const product of response.body.data) expectStrictProduct(product, schema);
        products += response.body.data.length;
      }
      expect(products).toBeGreaterThan(100);
    });

    it("GET /products/{id} matches the spec exactly, for live, obsolete and deprecated ids", async () => {
      for (const id of ["CC2DKKO1LUCF", "XXLL0JPD4W2X", "TRRQ3ESYFO28", "CCEHW3JXS5CQ"]) {
        const response = await graphGet(emulator, `/products/${id}?schema=${schema}`);
        expect(response.status).toBe(200);
        expectDeclared("/products/{id}", "get", response);
        expectStrictProduct(response.body.data, schema);
      }
      const obsolete = await graphGet(
        emulator,
        `/products/?schema=${schema}&q=FT232BM&search_strategy=mpn_exact`,
      );
      const viewed = await graphGet(
        emulator,
        `/products/${obsolete.body.data[0].id}?schema=${schema}`,
      );
      expectStrictProduct(viewed.body.data, schema);
    });

    it("POST /batch/products/ members match the spec exactly", async () => {
      const response = await graphBatch(emulator, {
        batch: [
          {
            method: "GET",
            relative_url: `?q=LM358DR&schema=${schema}&search_strategy=mpn_sku_mfr`,
          },
          { method: "GET", relative_url: `?q=capacitor&schema=${schema}&limit=25` },
          { method: "GET", relative_url: `?q=x&schema=${schema}&limit=-4` },
        ],
      });
      expectDeclared("/batch/products/", "post", response);
      const [first, second, third] = response.body;
      for (const member of [first, second]) {
        expect(member.code).toBe(200);
        expect(component("ProductListResponse")(member.body)).toBe(true);
        for (const product of member.body.data) expectStrictProduct(product, schema);
      }
      expect(third.code).toBe(422);
      expect(component("HTTPValidationError", true)(third.body)).toBe(true);
    });
  });

  describe("other responses", () => {
    it("the strict check itself refuses keys a schema does not have", () => {
      const withOffers = { id: "CC2DKKO1LUCF", offers: [] };
      expect(component("ProductV1")(withOffers)).toBe(true);
      expect(component("ProductV1", true)(withOffers)).toBe(false);
    });

    it("autocompletions", async () => {
      const response = await graphGet(emulator, "/products/autocompletions/?q=LM&limit=20");
      expectDeclared("/products/autocompletions/", "get", response);
      expect(component("AutocompletionsResponse", true)(response.body)).toBe(true);
      expect(response.body.data).toHaveLength(20);
    });

    it("401, 422 and 404 errors", async () => {
      const cases: [string, string, HttpResult][] = [
        ["/products/", "get", await graphGet(emulator, "/products/?schema=product-v1", {})],
        ["/products/", "get", await graphGet(emulator, "/products/?limit=x")],
        ["/products/{id}", "get", await graphGet(emulator, "/products/CC2DKKO1LUCF?schema=nope")],
        [
          "/products/autocompletions/",
          "get",
          await graphGet(emulator, "/products/autocompletions/?q=a&limit=501"),
        ],
        ["/batch/products/", "post", await graphBatch(emulator, { batch: [{ method: "PUT" }] })],
        ["/batch/products/", "post", await graphBatch(emulator, { nothing: true })],
      ];
      for (const [path, method, response] of cases) expectDeclared(path, method, response);
      expect(cases.map(([, , r]) => r.status)).toEqual([401, 422, 422, 422, 422, 422]);
      // 404 is not declared for getProduct; its body still has the spec's Error shape.
      const missing = await graphGet(emulator, "/products/NOSUCHPRODUC?schema=product-v1");
      expect(missing.status).toBe(404);
      expect(component("Error", true)(missing.body)).toBe(true);
    });

    it("injected 429, 500 and 504 answers, with Retry-After where the spec promises it", async () => {
      for (const status of ["429", "500", "504"]) {
        const response = await graphGet(emulator, "/products/?schema=product-v1", {
          "X-CLIENT-ID": "demo-client",
          "X-API-KEY": "demo-graph-key",
          "X-Emulator-Fault": status,
        });
        expect(response.status).toBe(Number(status));
        expectDeclared("/products/", "get", response);
      }
    });
  });

  describe("the parts of the OpenAPI examples", () => {
    const example = (path: string, method: string) =>
      spec.paths[path][method].responses["200"].content["application/json"].example;

    it("CC2DKKO1LUCF as product-v1 is exactly the listProducts example", async () => {
      const response = await graphGet(emulator, "/products/CC2DKKO1LUCF?schema=product-v1");
      expect(response.body.data).toEqual(example("/products/", "get").data[0]);
    });

    it("CC2DKKO1LUCF as product-offers-v1 is the getProduct example (plus the seller's required best_case_lead)", async () => {
      const response = await graphGet(emulator, "/products/CC2DKKO1LUCF?schema=product-offers-v1");
      const expected = structuredClone(example("/products/{id}", "get").data);
      // ProductOffersV1Seller requires best_case_lead, which the example leaves out.
      expected.offers[0].seller.best_case_lead = response.body.data.offers[0].seller.best_case_lead;
      expect(response.body.data).toEqual(expected);
      const offer = response.body.data.offers[0];
      expect(offer.seller.id).toBe("622fb450e4c292d8287b0af5");
      expect(offer.moq).toBe(3000);
      expect(offer.inventory_level).toBe(652178);
      expect(offer.factory_lead_days).toBe(147);
      expect(offer.prices.map((p: Json) => [p.quantity, p.price, p.currency])).toEqual([
        [3000, 0.03828, "USD"],
        [6000, 0.0354, "USD"],
        [9000, 0.03395, "USD"],
      ]);
    });

    it("the batch example request gives the batch example response", async () => {
      const request = spec.components.schemas.ProductsBatch.examples[0];
      const response = await graphBatch(emulator, request);
      const expected = structuredClone(example("/batch/products/", "post"));
      expected[0].body.data[0].offers[0].seller.best_case_lead =
        response.body[0].body.data[0].offers[0].seller.best_case_lead;
      expect(response.body).toEqual(expected);
    });

    it("the autocompletion example labels", async () => {
      const response = await graphGet(emulator, "/products/autocompletions/?q=GCM21BR7");
      const labels = example("/products/autocompletions/", "get").data;
      expect(response.body.data).toEqual(expect.arrayContaining(labels));
    });
  });
});
