/** What the last plan came to: where it was written, and per build its cost and shortfalls. */
import * as React from "react";
import {
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { PlanOutcome } from "../../runtime/plan/run-plan";
import { Section } from "../components/section";
import { money } from "../money";

export function PlanSummary(props: { outcome: PlanOutcome }): React.JSX.Element {
  const { report, written } = props.outcome;
  const lines = report.lines.length;
  return (
    <Section title="Plan written">
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          {written.createdSheet ? "Wrote" : "Updated"} the plan of {lines} lines on the sheet “
          {written.sheetName}”: {written.tables.length} tables and {written.charts.length} charts.
        </MessageBarBody>
      </MessageBar>
      <Table size="extra-small" aria-label="Totals per build">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Boards</TableHeaderCell>
            <TableHeaderCell>Total</TableHeaderCell>
            <TableHeaderCell>Per board</TableHeaderCell>
            <TableHeaderCell>Short</TableHeaderCell>
            <TableHeaderCell>At risk</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.plan.builds.map((build) => (
            <TableRow key={build.build}>
              <TableCell>{build.build.toLocaleString("en-US")}</TableCell>
              <TableCell>{money(build.totals.totalCost, report.currency)}</TableCell>
              <TableCell>{money(build.totals.costPerBoard, report.currency)}</TableCell>
              <TableCell>{build.totals.linesShort}</TableCell>
              <TableCell>{build.totals.linesAtRisk}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}
