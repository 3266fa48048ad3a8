/**
 * The Plan tab's fields as typed, and how they become the sourcing engine's options. Every bad
 * field gets a message naming it; nothing is planned until all are right.
 */
import { isKnownCurrency, normalizeCurrency } from "../../../core/pricing";
import {
  MAX_BUILDS,
  parseBuildList,
  parseNameList,
  parsePercent,
  type SourcingOptions,
} from "../../../core/sourcing";

export interface PlanForm {
  /** e.g. "10, 100, 1000" */
  builds: string;
  /** Extra units per line as a percentage, e.g. "2" or "2 %". */
  attritionPercent: string;
  /** At least this many extra units per line, e.g. "5". */
  minExtra: string;
  authorizedOnly: boolean;
  /** Only these sellers (comma-separated); empty for all. */
  allowedSellers: string;
  /** Sellers that win ties (comma-separated). */
  preferredSellers: string;
  /** At most this many sellers per build; empty for no limit. */
  maxSellers: string;
  currency: string;
  /** A line is at risk when its restock lead exceeds this many days. */
  leadThresholdDays: string;
}

export type PlanFormField = keyof PlanForm;

export const DEFAULT_PLAN_FORM: PlanForm = {
  builds: "10, 100, 1000",
  attritionPercent: "2",
  minExtra: "0",
  authorizedOnly: false,
  allowedSellers: "",
  preferredSellers: "",
  maxSellers: "",
  currency: "USD",
  leadThresholdDays: "84",
};

export interface PlanFormProblem {
  field: PlanFormField;
  message: string;
}

export type ReadPlanForm =
  { ok: true; options: SourcingOptions } | { ok: false; problems: PlanFormProblem[] };

/** A whole number from `minimum` to a billion, or a message. */
function wholeNumber(text: string, minimum: number): number | string {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed) || Number(trimmed) < minimum)
    return `"${text}" is not a whole number of at least ${minimum}`;
  return Number(trimmed);
}

export function readPlanForm(form: PlanForm): ReadPlanForm {
  const problems: PlanFormProblem[] = [];
  const attempt = <T>(field: PlanFormField, read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      problems.push({ field, message: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  };
  const number = (field: PlanFormField, text: string, minimum: number): number | undefined => {
    const value = wholeNumber(text, minimum);
    if (typeof value === "string") problems.push({ field, message: value });
    return typeof value === "number" ? value : undefined;
  };

  let builds: number[] | undefined;
  if (form.builds.trim() === "") {
    problems.push({ field: "builds", message: "Give at least one build quantity, e.g. 10, 100." });
  } else {
    builds = attempt("builds", () => parseBuildList(form.builds));
    if (builds && builds.length > MAX_BUILDS) {
      problems.push({ field: "builds", message: `At most ${MAX_BUILDS} build quantities.` });
    }
  }
  const attritionPercent =
    form.attritionPercent.trim() === ""
      ? 0
      : attempt("attritionPercent", () => parsePercent(form.attritionPercent));
  const minExtra = form.minExtra.trim() === "" ? 0 : number("minExtra", form.minExtra, 0);
  const maxSellers =
    form.maxSellers.trim() === "" ? undefined : number("maxSellers", form.maxSellers, 1);
  const leadThresholdDays =
    form.leadThresholdDays.trim() === ""
      ? undefined
      : number("leadThresholdDays", form.leadThresholdDays, 1);
  if (!isKnownCurrency(form.currency)) {
    problems.push({
      field: "currency",
      message: `"${form.currency}" is not an ISO 4217 currency code (USD, EUR, GBP…).`,
    });
  }
  const allowedSellers = attempt("allowedSellers", () => parseNameList(form.allowedSellers));
  const preferredSellers = attempt("preferredSellers", () => parseNameList(form.preferredSellers));

  if (problems.length > 0 || !builds) return { ok: false, problems };
  return {
    ok: true,
    options: {
      builds,
      currency: normalizeCurrency(form.currency),
      attritionPercent: attritionPercent ?? 0,
      minExtraPerLine: minExtra ?? 0,
      authorizedOnly: form.authorizedOnly,
      allowedSellers: allowedSellers ?? [],
      preferredSellers: preferredSellers ?? [],
      ...(maxSellers !== undefined ? { maxSellers } : {}),
      ...(leadThresholdDays !== undefined ? { leadTimeThresholdDays: leadThresholdDays } : {}),
    },
  };
}
