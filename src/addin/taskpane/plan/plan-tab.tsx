/**
 * The Plan tab: build quantities, attrition and seller options in; the mapped BOM's parts looked
 * up, the sourcing engine run, and the plan written to its sheet (tables and charts). Planning
 * again updates the same sheet.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DataHistogram20Regular } from "@fluentui/react-icons";
import type { BomReadResult } from "../../../core/bom/types";
import type { BomSheet } from "../../runtime/bom/load-bom-sheet";
import { DEFAULT_PLAN_FORM, type PlanForm, type PlanFormField } from "../../runtime/plan/plan-form";
import {
  PlanInputError,
  runPlan,
  type PlanDeps,
  type PlanOutcome,
  type PlanProgress,
} from "../../runtime/plan/run-plan";
import { Section } from "../components/section";
import { PlanSummary } from "./plan-summary";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
});

type TextField = Exclude<PlanFormField, "authorizedOnly">;

const LABELS: Record<TextField, { label: string; hint?: string }> = {
  builds: { label: "Build quantities", hint: "Boards per build, e.g. 10, 100, 1000" },
  attritionPercent: { label: "Attrition %", hint: "Extra per line, rounded up" },
  minExtra: { label: "Minimum extra per line" },
  allowedSellers: { label: "Only these sellers", hint: "Comma-separated; empty for all" },
  preferredSellers: { label: "Preferred sellers", hint: "They win ties" },
  maxSellers: { label: "At most N sellers", hint: "Per build; empty for no limit" },
  currency: { label: "Currency" },
  leadThresholdDays: { label: "Long lead over (days)" },
};

type Outcome =
  | { kind: "done"; outcome: PlanOutcome }
  | { kind: "error"; message: string; problems: Partial<Record<PlanFormField, string>> }
  | null;

export interface PlanTabProps {
  deps: PlanDeps;
  sheet: BomSheet | null;
  read: BomReadResult | null;
}

function progressText(progress: PlanProgress): string {
  if (progress.stage === "write") return "Writing the plan sheet…";
  return `Looking up parts: ${progress.done} of ${progress.total}`;
}

export function PlanTab(props: PlanTabProps): React.JSX.Element {
  const styles = useStyles();
  const [form, setForm] = React.useState<PlanForm>(DEFAULT_PLAN_FORM);
  const [progress, setProgress] = React.useState<PlanProgress | null>(null);
  const [outcome, setOutcome] = React.useState<Outcome>(null);
  const busy = progress !== null;
  const problems = outcome?.kind === "error" ? outcome.problems : {};

  const set = (field: PlanFormField, value: string | boolean) =>
    setForm((current) => ({ ...current, [field]: value }));

  const plan = async () => {
    setOutcome(null);
    setProgress({ stage: "lookup", done: 0, total: 0 });
    try {
      const done = await runPlan(
        props.deps,
        { sheet: props.sheet, read: props.read, form },
        setProgress,
      );
      setOutcome({ kind: "done", outcome: done });
    } catch (error) {
      const byField: Partial<Record<PlanFormField, string>> = {};
      if (error instanceof PlanInputError) {
        for (const problem of error.problems) byField[problem.field] = problem.message;
      }
      setOutcome({
        kind: "error",
        message: error instanceof Error ? error.message : String(error),
        problems: byField,
      });
    } finally {
      setProgress(null);
    }
  };

  const text = (field: TextField) => (
    <Field
      label={LABELS[field].label}
      hint={LABELS[field].hint}
      validationMessage={problems[field]}
      validationState={problems[field] ? "error" : "none"}
    >
      <Input value={form[field]} disabled={busy} onChange={(_, data) => set(field, data.value)} />
    </Field>
  );

  return (
    <>
      <Section title="Build plan">
        <Caption1>
          Buys every line of the mapped BOM the cheapest way at each build quantity, and writes the
          plan, buy lists, BOM health and charts to the sheet “Cofactr plan”. Planning again updates
          it.
        </Caption1>
        <div className={styles.form}>
          {text("builds")}
          {text("attritionPercent")}
          {text("minExtra")}
          <Checkbox
            label="Authorized sellers only"
            checked={form.authorizedOnly}
            disabled={busy}
            onChange={(_, data) => set("authorizedOnly", data.checked === true)}
          />
          {text("allowedSellers")}
          {text("preferredSellers")}
          {text("maxSellers")}
          {text("currency")}
          {text("leadThresholdDays")}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<DataHistogram20Regular />}
              disabled={busy}
              onClick={() => void plan()}
            >
              Plan
            </Button>
          </div>
          {progress && (
            <Field validationMessage={progressText(progress)} validationState="none">
              <ProgressBar
                value={
                  progress.stage === "lookup" && progress.total > 0
                    ? progress.done / progress.total
                    : undefined
                }
              />
            </Field>
          )}
          {outcome?.kind === "error" && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{outcome.message}</MessageBarBody>
            </MessageBar>
          )}
        </div>
      </Section>
      {outcome?.kind === "done" && <PlanSummary outcome={outcome.outcome} />}
    </>
  );
}
