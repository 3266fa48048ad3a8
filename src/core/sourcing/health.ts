/**
 * BOM health at a glance: lines at lifecycle risk, single-source lines, short lines at each
 * build quantity, and lines whose restock lead exceeds the threshold.
 */
import type { LinePlan, SourcingPlan } from "./types";

export interface HealthEntry {
  id: string;
  mpn: string | null;
  /** What makes it an entry: the lifecycle status, the one seller, the shortfall, the lead. */
  detail: string;
}

export interface BomHealth {
  lifecycle: HealthEntry[];
  singleSource: HealthEntry[];
  /** One list per build quantity, in the plan's order. */
  short: { build: number; lines: HealthEntry[] }[];
  longLead: HealthEntry[];
}

function entry(line: LinePlan, detail: string): HealthEntry {
  return { id: line.id, mpn: line.mpn, detail };
}

/** The health of a plan. Lifecycle and sourcing do not depend on the build; shortages do. */
export function bomHealth(plan: SourcingPlan): BomHealth {
  const first = plan.builds[0]?.lines ?? [];
  const longLead = new Map<string, HealthEntry>();
  for (const build of plan.builds) {
    for (const line of build.lines) {
      if (line.risks.includes("long_lead") && !longLead.has(line.id))
        longLead.set(
          line.id,
          entry(line, `${line.leadDays} days to restock from ${build.build} boards`),
        );
    }
  }
  return {
    lifecycle: first
      .filter((line) => line.risks.includes("lifecycle"))
      .map((line) => entry(line, line.lifecycle ?? "")),
    singleSource: first
      .filter((line) => line.risks.includes("single_source"))
      .map((line) => entry(line, "one seller has stock")),
    short: plan.builds.map((build) => ({
      build: build.build,
      lines: build.lines
        .filter((line) => line.status !== "not_needed" && line.shortfall > 0)
        .map((line) =>
          entry(
            line,
            line.status === "no_part"
              ? "part not found"
              : line.status === "no_offer"
                ? "no usable offer"
                : `short ${line.shortfall} of ${line.quantityNeeded}`,
          ),
        ),
    })),
    longLead: [...longLead.values()],
  };
}
