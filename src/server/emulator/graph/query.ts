/**
 * Reading a `/products/` query string the way the Knowledge Graph (FastAPI + pydantic) does,
 * with its 422 error items. Used by the GET routes and by each batch member alike.
 */
import {
  GRAPH_SCHEMAS,
  SEARCH_STRATEGIES,
  type GraphSchema,
  type SearchStrategy,
} from "../../../core/cofactr";

export interface FastApiErrorItem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export interface IdFilter {
  field: "id" | "mpn" | "mfr";
  values: string[];
}

export interface ProductListQuery {
  schema: GraphSchema;
  q: string | null;
  strategy: SearchStrategy;
  limit: number;
  offset: number;
  filters: IdFilter[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FastApiErrorItem[] };

const missing = (name: string): FastApiErrorItem => ({
  loc: ["query", name],
  msg: "Field required",
  type: "missing",
});

function readSchema(params: URLSearchParams, errors: FastApiErrorItem[]): GraphSchema | null {
  const schema = params.get("schema");
  if (schema === null) {
    errors.push(missing("schema"));
    return null;
  }
  if (!(GRAPH_SCHEMAS as readonly string[]).includes(schema)) {
    errors.push({
      loc: ["query", "schema"],
      msg: `Unknown schema '${schema}'. Public schemas: ${GRAPH_SCHEMAS.join(", ")}`,
      type: "value_error",
    });
    return null;
  }
  return schema as GraphSchema;
}

/** An integer query parameter with pydantic's messages for bad values. */
export function readInteger(
  params: URLSearchParams,
  name: string,
  bounds: { min?: number; exclusiveMin?: number; max?: number; fallback: number },
  errors: FastApiErrorItem[],
): number {
  const raw = params.get(name);
  if (raw === null || raw === "") return bounds.fallback;
  if (!/^[+-]?\d+$/.test(raw.trim())) {
    errors.push({
      loc: ["query", name],
      msg: "Input should be a valid integer, unable to parse string as an integer",
      type: "int_parsing",
    });
    return bounds.fallback;
  }
  const value = Number(raw);
  if (bounds.min !== undefined && value < bounds.min) {
    errors.push({
      loc: ["query", name],
      msg: `Input should be greater than or equal to ${bounds.min}`,
      type: "greater_than_equal",
    });
  } else if (bounds.exclusiveMin !== undefined && value <= bounds.exclusiveMin) {
    errors.push({
      loc: ["query", name],
      msg: `Input should be greater than ${bounds.exclusiveMin}`,
      type: "greater_than",
    });
  } else if (bounds.max !== undefined && value > bounds.max) {
    errors.push({
      loc: ["query", name],
      msg: `Input should be less than or equal to ${bounds.max}`,
      type: "less_than_equal",
    });
  }
  return value;
}

const TRUE_WORDS = ["1", "true", "t", "yes", "y", "on"];
const FALSE_WORDS = ["0", "false", "f", "no", "n", "off"];

function checkBoolean(params: URLSearchParams, name: string, errors: FastApiErrorItem[]): void {
  const raw = params.get(name);
  if (raw === null) return;
  const word = raw.trim().toLowerCase();
  if (!TRUE_WORDS.includes(word) && !FALSE_WORDS.includes(word)) {
    errors.push({
      loc: ["query", name],
      msg: "Input should be a valid boolean, unable to interpret input",
      type: "bool_parsing",
    });
  }
}

function readStrategy(params: URLSearchParams, errors: FastApiErrorItem[]): SearchStrategy {
  const raw = params.get("search_strategy");
  if (raw === null) return "default";
  if ((SEARCH_STRATEGIES as readonly string[]).includes(raw)) return raw as SearchStrategy;
  const allowed = ["default", "mpn_exact_mfr", "mpn_exact", "mpn_exact_multi", "mpn_sku_mfr"];
  errors.push({
    loc: ["query", "search_strategy"],
    msg: `Input should be ${allowed
      .slice(0, -1)
      .map((s) => `'${s}'`)
      .join(", ")} or '${allowed.at(-1)}'`,
    type: "enum",
  });
  return "default";
}

const FILTER_FIELDS = ["id", "mpn", "mfr"] as const;

/** `filtering`: a JSON array of `{field, operator, value}`; IN takes a list, EQ one value. */
function readFilters(params: URLSearchParams, errors: FastApiErrorItem[]): IdFilter[] {
  const raw = params.get("filtering");
  if (raw === null || raw.trim() === "") return [];
  const fail = (msg: string): IdFilter[] => {
    errors.push({ loc: ["query", "filtering"], msg: `Value error, ${msg}`, type: "value_error" });
    return [];
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail("filtering must be a JSON array of {field, operator, value} objects");
  }
  if (!Array.isArray(parsed)) return fail("filtering must be a JSON array");
  const filters: IdFilter[] = [];
  for (const [index, item] of parsed.entries()) {
    if (typeof item !== "object" || item === null) return fail(`filter ${index} is not an object`);
    const { field, operator, value } = item as Record<string, unknown>;
    if (!FILTER_FIELDS.includes(field as (typeof FILTER_FIELDS)[number])) {
      return fail(`filter ${index}: unsupported field ${JSON.stringify(field)} (id, mpn, mfr)`);
    }
    const op = typeof operator === "string" ? operator.toUpperCase() : "";
    if (op === "IN") {
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
        return fail(`filter ${index}: IN needs a list of strings`);
      }
      filters.push({ field: field as IdFilter["field"], values: value });
    } else if (op === "EQ" || op === "=" || op === "==") {
      if (typeof value !== "string") return fail(`filter ${index}: ${op} needs a string`);
      filters.push({ field: field as IdFilter["field"], values: [value] });
    } else {
      return fail(`filter ${index}: unsupported operator ${JSON.stringify(operator)} (IN, EQ)`);
    }
  }
  return filters;
}

/** page_token: base64 of `{"offset": n}`, as issued by this emulator. */
function readPageToken(params: URLSearchParams, errors: FastApiErrorItem[]): number {
  const raw = params.get("page_token");
  if (raw === null || raw === "") return 0;
  try {
    const decoded = JSON.parse(Buffer.from(raw, "base64").toString("utf8")) as { offset?: unknown };
    if (
      typeof decoded.offset === "number" &&
      Number.isInteger(decoded.offset) &&
      decoded.offset >= 0
    ) {
      return decoded.offset;
    }
  } catch {
    // falls through to the error below
  }
  errors.push({
    loc: ["query", "page_token"],
    msg: "Value error, invalid page token",
    type: "value_error",
  });
  return 0;
}

const STALE_DELTA = /^(?:inf|\d+[smhdw])$/;

function checkCommon(params: URLSearchParams, errors: FastApiErrorItem[]): void {
  checkBoolean(params, "external", errors);
  checkBoolean(params, "force_refresh", errors);
  const stale = params.get("stale_delta");
  if (stale !== null && !STALE_DELTA.test(stale)) {
    errors.push({
      loc: ["query", "stale_delta"],
      msg: 'Value error, stale_delta must be a duration such as "15m", "2h", "1d", "1w" or "inf"',
      type: "value_error",
    });
  }
}

export function parseListQuery(params: URLSearchParams): Parsed<ProductListQuery> {
  const errors: FastApiErrorItem[] = [];
  const schema = readSchema(params, errors);
  const strategy = readStrategy(params, errors);
  const limit = readInteger(params, "limit", { min: 0, max: 500, fallback: 10 }, errors);
  const filters = readFilters(params, errors);
  const offset = readPageToken(params, errors);
  checkCommon(params, errors);
  if (errors.length > 0 || schema === null) return { ok: false, errors };
  return { ok: true, value: { schema, q: params.get("q"), strategy, limit, offset, filters } };
}

export function parseViewQuery(params: URLSearchParams): Parsed<{ schema: GraphSchema }> {
  const errors: FastApiErrorItem[] = [];
  const schema = readSchema(params, errors);
  checkCommon(params, errors);
  if (errors.length > 0 || schema === null) return { ok: false, errors };
  return { ok: true, value: { schema } };
}
