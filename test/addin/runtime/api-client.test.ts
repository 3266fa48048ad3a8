import { ApiRequestError, createApiClient } from "../../../src/addin/runtime/api-client";

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
