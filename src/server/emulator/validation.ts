/**
 * zod issues rewritten as the `{loc, msg, type}` items that pydantic-based servers (FastAPI
 * for the Knowledge Graph, django-ninja for the Platform) put in a 422 body.
 */
import type { z } from "zod";

export interface ValidationItem {
  loc: (string | number)[];
  msg: string;
  type: string;
}

const TYPE_NAMES: Record<string, [type: string, msg: string]> = {
  string: ["string_type", "Input should be a valid string"],
  number: ["float_type", "Input should be a valid number"],
  int: ["int_type", "Input should be a valid integer"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  array: ["list_type", "Input should be a valid list"],
  object: ["dict_type", "Input should be a valid dictionary"],
  record: ["dict_type", "Input should be a valid dictionary"],
};

function describe(issue: z.core.$ZodIssue): [type: string, msg: string] {
  switch (issue.code) {
    case "invalid_type": {
      if (!("input" in issue) || issue.input === undefined) return ["missing", "Field required"];
      if (issue.expected === "int" && typeof issue.input === "number") {
        return [
          "int_from_float",
          "Input should be a valid integer, got a number with a fractional part",
        ];
      }
      return TYPE_NAMES[issue.expected] ?? ["type_error", issue.message];
    }
    case "too_small":
      if (issue.origin === "string") {
        return [
          "string_too_short",
          `String should have at least ${issue.minimum} character${Number(issue.minimum) === 1 ? "" : "s"}`,
        ];
      }
      if (issue.origin === "array") {
        return [
          "too_short",
          `List should have at least ${issue.minimum} item${Number(issue.minimum) === 1 ? "" : "s"} after validation`,
        ];
      }
      return ["greater_than_equal", `Input should be greater than or equal to ${issue.minimum}`];
    case "too_big":
      if (issue.origin === "string") {
        return ["string_too_long", `String should have at most ${issue.maximum} characters`];
      }
      if (issue.origin === "array") {
        return ["too_long", `List should have at most ${issue.maximum} items after validation`];
      }
      return ["less_than_equal", `Input should be less than or equal to ${issue.maximum}`];
    case "invalid_format":
      if (issue.format === "datetime")
        return ["datetime_from_date_parsing", "Input should be a valid datetime"];
      return ["value_error", issue.message];
    case "invalid_value":
      return [
        "literal_error",
        `Input should be ${issue.values.map((v) => JSON.stringify(v).replace(/"/g, "'")).join(" or ")}`,
      ];
    default:
      return ["value_error", issue.message];
  }
}

/** One item per issue, with `loc` starting at `where` (e.g. "body"). */
export function validationItems(error: z.ZodError, where: string): ValidationItem[] {
  return error.issues.map((issue) => {
    const [type, msg] = describe(issue);
    return {
      loc: [where, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
      msg,
      type,
    };
  });
}
