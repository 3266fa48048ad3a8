/** The sourcing engine: a build plan that buys every BOM line the cheapest feasible way. */
export { planSourcing, MAX_BUILDS } from "./plan";
export { quantityNeeded } from "./need";
export { isLifecycleRisk } from "./risk";
export type * from "./types";
export { buyLists, type BuyList, type BuyListRow } from "./buy-lists";
export { bomHealth, type BomHealth, type HealthEntry } from "./health";
export {
  planInputs,
  planQueries,
  type PartAnswer,
  type PlanInputLine,
  type PlanReport,
} from "./report";
export * from "./report-rows";
export { parseBuildList, parseNameList, parsePercent } from "./option-text";
