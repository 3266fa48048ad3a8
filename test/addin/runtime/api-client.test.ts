import { ApiRequestError, createApiClient } from "../../../src/addin/runtime/api-client";
import { LookupBatcher } from "../../../src/addin/runtime/lookup/batcher";

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

describe("api client", () => {
  it("sends JSON with the connection headers and returns the body", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const client = createApiClient({
      baseUrl: "http://x/",
      headers: () => ({ "x-gateway-token": "t" }),
      fetch: async (url, init) => {
        calls.push({ url: String(url), init: init ?? {} });
        return jsonResponse(200, { job_id: "j1" });
      },
    });
    await expect(client.upsertBom({ name: "B" })).resolves.toEqual({ job_id: "j1" });
    expect(calls[0]?.url).toBe("http://x/api/boms");
    expect(calls[0]?.init.method).toBe("PUT");
    expect(calls[0]?.init.headers).toMatchObject({
      "x-gateway-token": "t",
      "content-type": "application/json",
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ name: "B" });
  });

  it("turns error bodies and network failures into ApiRequestError", async () => {
    const failing = createApiClient({
      fetch: async () =>
        jsonResponse(400, { error: { code: "validation", message: "bad", field: "lines[0].mpn" } }),
    });
    await expect(failing.job("a/b")).rejects.toMatchObject({
      status: 400,
      code: "validation",
      field: "lines[0].mpn",
    });
    const offline = createApiClient({
      fetch: async () => {
        throw new TypeError("fetch failed");
      },
    });
    const error = await offline.health().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 0, code: "network" });
  });
});

describe("every answer is checked against its route's schema", () => {
  const answering = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    createApiClient({
      fetch: async () =>
        new Response(JSON.stringify(body), {
          status,
          headers: { "content-type": "application/json", ...headers },
        }),
    });

  it("refuses a job status without its state, naming the field", async () => {
    const client = answering(200, { id: "j1", raw_status: "done", bom_id: null });
    await expect(client.job("j1")).rejects.toMatchObject({
      status: 200,
      code: "bad_response",
      message: expect.stringMatching(/^Unexpected response from the add-in server \(state: /),
    });
  });

  it("refuses a BOM whose line has an unknown match status", async () => {
    const bom = {
      id: "b1",
      name: "Main",
      version: null,
      part_number: null,
      integration_record_id: null,
      approved: false,
      archived: false,
      line_count: 1,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      lines: [
        {
          id: "l1",
          line_number: "1",
          mpn: "LM358",
          manufacturer_name: null,
          quantity: 1,
          reference_designators: ["U1"],
          do_not_place: false,
          part: null,
          match_status: "perhaps",
        },
      ],
    };
    await expect(answering(200, bom).bom("b1")).rejects.toThrow(/lines\.0\.match_status/);
    const fine = { ...bom, lines: [{ ...bom.lines[0], match_status: "unmatched" }] };
    await expect(answering(200, fine).bom("b1")).resolves.toMatchObject({ id: "b1" });
  });

  it("refuses a lookup answer the functions' batcher would refuse too", async () => {
    const body = { results: [{ status: "found", part: { cpid: "c1", mpn: "LM358" } }] };
    await expect(answering(200, body).lookup({ queries: [{ mpn: "LM358" }] })).rejects.toThrow(
      /results\.0\.part\./,
    );
    const batcher = new LookupBatcher({
      fetch: async () => new Response(JSON.stringify(body), { status: 200 }),
      windowMs: 1,
    });
    await expect(batcher.lookup({ mpn: "LM358" })).resolves.toMatchObject({
      status: "error",
      message: expect.stringMatching(/results\.0\.part\./),
    });
  });

  it("keeps the server's Retry-After and says a 503 is worth another attempt", async () => {
    const client = answering(
      503,
      { error: { code: "busy", message: "later" } },
      {
        "retry-after": "3",
      },
    );
    const error = await client.health().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: "busy", retryAfterMs: 3000, transient: true });
    const refused = await answering(401, { error: { code: "no", message: "token" } })
      .health()
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 401, transient: false, retryAfterMs: null });
  });
});
