/** The part a function asks the runtime's lookup service for, or #N/A saying why there is none. */
import type { Part, PartQuery } from "../../core/api";
import type { FoundPart, Freshness } from "../runtime/lookup/cache";
import { runtimeServices } from "../runtime/services";
import { notAvailable } from "./errors";

/** An AbortSignal that Excel's cancellation of the call (cell edited or deleted) aborts. */
function cancellation(invocation?: CustomFunctions.CancelableInvocation): AbortSignal | undefined {
  if (!invocation) return undefined;
  const controller = new AbortController();
  invocation.onCanceled = () => controller.abort();
  return controller.signal;
}

/** The part with when its offers were fetched from Cofactr. */
export async function findFetchedPart(
  query: PartQuery,
  freshness: Freshness,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<FoundPart> {
  const result = await runtimeServices().lookups.find(query, freshness, cancellation(invocation));
  if (result.status === "found") return result;
  throw notAvailable(result.message);
}

export async function findPart(
  query: PartQuery,
  freshness: Freshness,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<Part> {
  return (await findFetchedPart(query, freshness, invocation)).part;
}
