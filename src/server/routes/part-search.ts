/** /api/parts/search: Knowledge Graph candidates for a free-text query (resolving a BOM line). */
import type { FastifyInstance } from "fastify";
import type { PartSearchResponse } from "../../core/api";
import type { GraphProductOffersV1 } from "../../core/cofactr";
import { partSearchQuerySchema } from "../boms/schemas";
import { toPart } from "../lookup/to-part";
import type { UpstreamAccess } from "../upstream/access";
import { parseOrThrow } from "../validation";
import { requestDeadline } from "./deadline";
import { toApiError } from "./upstream-failure";

export function registerPartSearchRoute(
  app: FastifyInstance,
  access: UpstreamAccess,
  deadlineMs: number,
): void {
  app.get("/api/parts/search", async (request, reply): Promise<PartSearchResponse> => {
    const query = parseOrThrow(partSearchQuerySchema, request.query, "query");
    const graph = access.graphFor(request.headers, requestDeadline(reply, deadlineMs));
    try {
      const [outcome] = await graph.client.search<GraphProductOffersV1>([query.q.trim()], {
        schema: "product-offers-v1",
        strategy: "default",
        limit: query.limit,
      });
      if (!outcome) return { parts: [] };
      if (!outcome.ok) throw outcome.error;
      const products = outcome.products.slice(0, query.limit);
      // Lifecycle and total stock come from product-v1; without them a candidate still shows.
      const summaries =
        products.length > 0
          ? await graph.client.productsById(products.map((product) => product.id))
          : { products: new Map() };
      return {
        parts: products.map((product) => toPart(product, summaries.products.get(product.id))),
      };
    } catch (error) {
      throw toApiError(error, { userKeys: graph.userKeys, notFound: "Cofactr has no search." });
    }
  });
}
