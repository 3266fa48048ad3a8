/** The CLI's plan report: the core's (src/core/sourcing/report.ts), with the file it read. */
import type { PlanReport as CorePlanReport } from "../core/sourcing";

export interface PlanReport extends CorePlanReport {
  file: string;
}
