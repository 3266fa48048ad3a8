/**
 * Failures of BOM edits. Cofactr answers 400 (or 409) when it refuses a change it understood,
 * chiefly any edit of an approved BOM: that is the caller's conflict (409 `bom_refused`, with
 * Cofactr's reason), not an outage. Everything else maps as for any upstream call.
 */
import { ApiError } from "../errors";
import { UpstreamError } from "../upstream/errors";
import type { PlatformAccess } from "../upstream/access";
import { toApiError } from "./upstream-failure";

export function bomEditFailure(
  error: unknown,
  platform: PlatformAccess,
  notFound: string,
): unknown {
  return refusedEdit(error, platform, notFound, "bom_refused");
}

/** The same for any Platform edit: a refusal is 409 with `code` and Cofactr's reason. */
export function refusedEdit(
  error: unknown,
  platform: PlatformAccess,
  notFound: string,
  code: string,
): unknown {
  if (
    error instanceof UpstreamError &&
    error.kind === "http" &&
    (error.status === 400 || error.status === 409)
  ) {
    const detail = error.options.detail;
    const reason = typeof detail === "string" && detail.trim() !== "" ? detail.slice(0, 300) : "";
    return new ApiError(
      409,
      code,
      reason ? `Cofactr refused the change: ${reason}` : "Cofactr refused the change.",
    );
  }
  return toApiError(error, { userKeys: platform.userKeys, notFound });
}
