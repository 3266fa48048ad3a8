/** Request bodies checked with zod; the first problem becomes a 422 naming its field. */
import { z } from "zod";
import { LOOKUP_MAX_QUERIES } from "../core/api";
import { PROGRAM_MAX_BUILD_QUANTITY } from "../core/api-programs";
import { COFACTR_MAX_STRING } from "../core/cofactr";
import { cofactrString } from "./cofactr-text";
import { ApiError } from "./errors";

/** Cofactr's strings: 1–255 characters, counted as code points (an empty value is sent as
 * null, never ""). */
export const cofactrText = cofactrString();
export const optionalText = cofactrText.nullable().optional();
/** Deeper metadata than this is refused: it is free-form, but the server walks and re-serialises it. */
export const METADATA_MAX_DEPTH = 32;
export const metadata = z
  .record(z.string(), z.unknown())
  .refine((value) => nestingWithin(value, METADATA_MAX_DEPTH), {
    message: `is nested more than ${METADATA_MAX_DEPTH} levels deep`,
  });

/** CreateRawBomLine, as the Upsert BOM Async page documents it. */
export const rawBomLineSchema = z.strictObject({
  custom_id: optionalText,
  mpn: cofactrText.nullable(),
  // The seed page sets no length on the items of these two arrays.
  alternative_mpns: z.array(z.string()).optional(),
  manufacturer_name: optionalText,
  quantity: z.number().int().min(0).optional(),
  reference_designators_string: cofactrText.optional(),
  reference_designators: z.array(z.string()).optional(),
  description: optionalText,
  link: optionalText,
  comments: optionalText,
  do_not_place: z.boolean().optional(),
  line_number: optionalText,
  value: optionalText,
  package: optionalText,
  mount_type: optionalText,
  metadata: metadata.optional(),
  is_custom_part: z.boolean().optional(),
});

/** The Upsert BOM Async body. */
export const upsertBomSchema = z.strictObject({
  name: cofactrText,
  version: optionalText,
  part_number: optionalText,
  approved: z.boolean().optional(),
  lines: z.array(rawBomLineSchema).optional(),
  metadata: metadata.optional(),
  integration_record_id: optionalText,
  synced_from_integration: z.boolean().optional(),
  integration_source_name: cofactrText.optional(),
  synced_from_integration_at: z.iso.datetime({ offset: true }).optional(),
});

/** Boards to build: a whole number from 1. */
export const buildQuantitySchema = z.number().int().min(1).max(PROGRAM_MAX_BUILD_QUANTITY);

/** `PUT /api/boms`: the Upsert BOM Async body, and the build quantity its program is for. */
export const uploadBomSchema = upsertBomSchema.extend({
  build_quantity: buildQuantitySchema.optional(),
});

export const lookupBodySchema = z.strictObject({
  queries: z
    .array(
      z.strictObject({
        mpn: z.string(),
        manufacturer: z.string().nullable().optional(),
      }),
    )
    .max(LOOKUP_MAX_QUERIES),
  refresh: z.boolean().optional(),
});

/** An id in a path: Cofactr ids are UUIDs or CPIDs; anything odd is refused before a call. */
export const recordIdSchema = z
  .string()
  .min(1)
  .max(COFACTR_MAX_STRING)
  .regex(/^[\w.:-]+$/, "may only contain letters, digits, '.', '_', ':' and '-'")
  // "." and ".." would be resolved as path segments in the Platform URL (/v1/boms/../).
  .refine((id) => !/^\.+$/.test(id), "must not be only dots");

/** The parsed body, or an ApiError 422 whose `field` is the JSON path (`lines[3].mpn`). */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  root = "",
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => describeIssue(issue, value, root));
  const first = issues[0] ?? { field: root || "body", message: "is not valid" };
  const more =
    issues.length > 1
      ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})`
      : "";
  throw new ApiError(
    422,
    "validation_error",
    `${first.field}: ${first.message}${more}`,
    first.field,
    issues,
  );
}

export function fieldPath(path: readonly PropertyKey[], root = ""): string {
  let text = root;
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text === "" ? "body" : text;
}

function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  root: string,
): { field: string; message: string } {
  switch (issue.code) {
    case "unrecognized_keys": {
      const key = issue.keys[0] ?? "";
      return { field: fieldPath([...issue.path, key], root), message: "is not a known field" };
    }
    case "invalid_type": {
      const field = fieldPath(issue.path, root);
      const given = valueAt(input, issue.path);
      if (given === undefined) return { field, message: "is required" };
      return { field, message: `must be ${article(issue.expected)}, not ${describeValue(given)}` };
    }
    case "too_small":
      return {
        field: fieldPath(issue.path, root),
        message:
          issue.origin === "string" && Number(issue.minimum) === 1
            ? "must not be empty (send null instead)"
            : issue.origin === "string"
              ? `must be at least ${issue.minimum} characters`
              : issue.origin === "array"
                ? `must have at least ${issue.minimum} items`
                : `must be at least ${issue.minimum}`,
      };
    case "too_big":
      return {
        field: fieldPath(issue.path, root),
        message:
          issue.origin === "string"
            ? `must be at most ${issue.maximum} characters`
            : issue.origin === "array"
              ? `must have at most ${issue.maximum} items`
              : `must be at most ${issue.maximum}`,
      };
    case "invalid_format":
      return {
        field: fieldPath(issue.path, root),
        message: issue.format === "datetime" ? "must be an ISO 8601 date-time" : issue.message,
      };
    default:
      return { field: fieldPath(issue.path, root), message: issue.message };
  }
}

/** Whether objects and arrays nest at most `levels` deep (stops looking past the limit). */
function nestingWithin(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== "object") return true;
  if (levels <= 0) return false;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.every((child) => nestingWithin(child, levels - 1));
}

function article(type: string): string {
  if (type === "int") return "an integer";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return "text";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
