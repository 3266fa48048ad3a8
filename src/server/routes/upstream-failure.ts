/** An upstream failure as the /api error the caller can act on. */
import { ApiError } from "../errors";
import { UpstreamError } from "../upstream/errors";
import { fieldPath } from "../validation";

export function toApiError(
  error: unknown,
  options: { userKeys: boolean; notFound: string },
): unknown {
  if (!(error instanceof UpstreamError)) return error;
  if (error.kind === "timeout") return new ApiError(504, "upstream_timeout", error.message);
  if (error.kind === "http") {
    const status = error.status ?? 502;
    if (status === 401 || status === 403) {
      // The user can fix their own key; a wrong server key is the operator's problem.
      return new ApiError(
        options.userKeys ? 401 : 502,
        "upstream_unauthorized",
        "Cofactr refused the API key" + (options.userKeys ? " you sent." : " this server holds."),
      );
    }
    if (status === 404) return new ApiError(404, "not_found", options.notFound);
    if (status === 422) return upstreamValidation(error);
    if (status === 429) return new ApiError(503, "upstream_rate_limited", error.message);
  }
  return new ApiError(502, "upstream_unavailable", error.message);
}

/** Cofactr's FastAPI/django-ninja 422: `{detail: [{loc, msg}]}`, the body prefix dropped. */
function upstreamValidation(error: UpstreamError): ApiError {
  const detail = error.options.detail;
  const first = Array.isArray(detail) ? (detail[0] as { loc?: unknown; msg?: unknown }) : null;
  if (first && Array.isArray(first.loc)) {
    const path = first.loc.filter(
      (part, index): part is string | number =>
        (typeof part === "string" || typeof part === "number") && !(index === 0 && part === "body"),
    );
    const field = fieldPath(path);
    const message = typeof first.msg === "string" ? first.msg : "is not valid";
    return new ApiError(422, "validation_error", `Cofactr: ${field}: ${message}`, field);
  }
  return new ApiError(422, "validation_error", error.message);
}
