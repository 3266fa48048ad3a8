/**
 * An opened Cofactr BOM in the pane: its unmatched lines with Knowledge Graph candidates, one
 * confirm step before any change reaches Cofactr, the approval with its checks, and the
 * activity log of what was changed.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { BomLineView, Part } from "../../../core/api";
import { bomCounts } from "../../../core/bom-table";
import { bestQuote } from "../../../core/pricing";
import {
  approvalChecks,
  approve,
  changeLine,
  type ApprovalChecks,
  type BomSessionDeps,
  type OpenedBom,
} from "../../runtime/boms/bom-session";
import { Section } from "./section";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  line: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  confirm: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  log: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const CANDIDATES = 5;

type Pending =
  | { kind: "part"; line: BomLineView; part: Part }
  | { kind: "custom"; line: BomLineView }
  | { kind: "approve"; checks: ApprovalChecks };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function candidateLabel(part: Part, quantity: number): string {
  const quote = bestQuote(part.offers, Math.max(1, quantity), "USD");
  const price = quote ? `$${quote.unitPrice.toFixed(4)} at ${quantity}` : "no price";
  return (
    `${part.mpn} · ${part.manufacturer} · ${part.description ?? ""} · ` +
    `${part.lifecycle ?? "lifecycle unknown"} · ${part.total_stock.toLocaleString("en-US")} in stock · ${price}`
  );
}

function lineTitle(line: BomLineView): string {
  const refs = line.reference_designators.join(", ");
  return `Line ${line.line_number ?? "?"}${refs ? ` (${refs})` : ""}: ${line.mpn ?? "no MPN"}, qty ${line.quantity}`;
}

export function OpenedBomPanel(props: {
  deps: BomSessionDeps;
  opened: OpenedBom;
  onChange(opened: OpenedBom): void;
  onClose(): void;
}): React.JSX.Element {
  const styles = useStyles();
  const { bom } = props.opened;
  const counts = bomCounts(bom);
  const [resolving, setResolving] = React.useState<BomLineView | null>(null);
  const [query, setQuery] = React.useState("");
  const [candidates, setCandidates] = React.useState<Part[] | null>(null);
  const [chosen, setChosen] = React.useState<string>("");
  const [pending, setPending] = React.useState<Pending | null>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [log, setLog] = React.useState<string[]>([
    `${time()} Opened "${bom.name}" into sheet ${props.opened.sheetName}`,
  ]);

  const addLog = (text: string) => setLog((entries) => [...entries, `${time()} ${text}`]);

  const search = async (text: string) => {
    if (!text.trim()) return;
    setBusy("search");
    setError(null);
    setCandidates(null);
    setChosen("");
    try {
      setCandidates((await props.deps.api.searchParts(text.trim(), CANDIDATES)).parts);
    } catch (failure) {
      setError(message(failure));
    } finally {
      setBusy(null);
    }
  };

  const startResolve = (line: BomLineView) => {
    setResolving(line);
    setPending(null);
    const text = line.mpn ?? line.manufacturer_name ?? "";
    setQuery(text);
    void search(text);
  };

  const run = async (
    label: string,
    work: () => Promise<{ opened: OpenedBom; activity: string }>,
  ) => {
    setBusy(label);
    setError(null);
    try {
      const done = await work();
      props.onChange(done.opened);
      addLog(done.activity);
      setResolving(null);
      setCandidates(null);
    } catch (failure) {
      setError(message(failure));
      addLog(`Failed: ${message(failure)}`);
    } finally {
      setPending(null);
      setBusy(null);
    }
  };

  const confirm = () => {
    if (!pending) return;
    if (pending.kind === "part") {
      void run("change", () =>
        changeLine(props.deps, props.opened, pending.line, { part: pending.part.cpid }),
      );
    } else if (pending.kind === "custom") {
      void run("change", () =>
        changeLine(props.deps, props.opened, pending.line, { is_custom_part: true }),
      );
    } else {
      void run("approve", () => approve(props.deps, props.opened));
    }
  };

  const checkApproval = async () => {
    setBusy("checks");
    setError(null);
    setResolving(null);
    try {
      setPending({ kind: "approve", checks: await approvalChecks(props.deps.api, bom) });
    } catch (failure) {
      setError(message(failure));
    } finally {
      setBusy(null);
    }
  };

  const unmatched = bom.lines.filter((line) => line.match_status === "unmatched");
  const chosenPart = candidates?.find((part) => part.cpid === chosen) ?? null;

  return (
    <div className={styles.column}>
      <Section
        title={bom.name}
        action={
          <Button size="small" appearance="subtle" onClick={props.onClose}>
            Back to the list
          </Button>
        }
      >
        <Body1>
          Sheet <strong>{props.opened.sheetName}</strong> · {counts.lines} lines: {counts.matched}{" "}
          matched, {counts.unmatched} unmatched, {counts.custom} not purchased, {counts.dnp} DNP
        </Body1>
        {bom.approved && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              Approved. Cofactr refuses changes to an approved BOM, so its lines can no longer be
              edited from here.
            </MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
      </Section>

      {pending && (
        <div className={styles.confirm} role="region" aria-label="Confirm the change">
          {pending.kind === "part" && (
            <Body1>
              Set {lineTitle(pending.line)} to <strong>{pending.part.mpn}</strong> by{" "}
              {pending.part.manufacturer} ({pending.part.cpid}) in Cofactr?
            </Body1>
          )}
          {pending.kind === "custom" && (
            <Body1>
              Mark {lineTitle(pending.line)} as not a purchased part (a custom part) in Cofactr?
            </Body1>
          )}
          {pending.kind === "approve" && (
            <>
              <Body1>Approve “{bom.name}”? Cofactr then refuses any change to it.</Body1>
              <ul aria-label="Checks before approval">
                <li>
                  {pending.checks.unmatched.length === 0
                    ? "Every line is matched or marked not purchased."
                    : `${lines(pending.checks.unmatched.length)} still unmatched.`}
                </li>
                <li>{lines(pending.checks.dnp)} DNP (not placed).</li>
                <li>
                  {pending.checks.lifecycleError
                    ? `Lifecycles could not be checked: ${pending.checks.lifecycleError}`
                    : pending.checks.lifecycleRisks.length === 0
                      ? "No line is at lifecycle risk."
                      : `At lifecycle risk: ` +
                        pending.checks.lifecycleRisks
                          .map(
                            ({ line, lifecycle }) => `${line.part?.mpn ?? line.mpn} (${lifecycle})`,
                          )
                          .join(", ")}
                </li>
              </ul>
            </>
          )}
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy !== null} onClick={confirm}>
              {busy === "change" || busy === "approve" ? "Working…" : "Confirm"}
            </Button>
            <Button disabled={busy !== null} onClick={() => setPending(null)}>
              Cancel
            </Button>
          </div>
        </div>
      )}

      {!bom.approved && (
        <Section title={`Unmatched lines (${unmatched.length})`}>
          {unmatched.length === 0 && <Body1>Every line is matched or marked not purchased.</Body1>}
          {unmatched.map((line) => (
            <div key={line.id} className={styles.line}>
              <Body1>{lineTitle(line)}</Body1>
              <div className={styles.row}>
                <Button
                  size="small"
                  disabled={busy !== null}
                  onClick={() => startResolve(line)}
                  aria-label={`Find a part for line ${line.line_number ?? ""}`}
                >
                  Find a part
                </Button>
                <Button
                  size="small"
                  appearance="subtle"
                  disabled={busy !== null}
                  onClick={() => setPending({ kind: "custom", line })}
                  aria-label={`Line ${line.line_number ?? ""} is not a purchased part`}
                >
                  Not a purchased part
                </Button>
              </div>
              {resolving?.id === line.id && (
                <div className={styles.column}>
                  <div className={styles.row}>
                    <Field label="Search the Knowledge Graph">
                      <Input value={query} onChange={(_, data) => setQuery(data.value)} />
                    </Field>
                    <Button
                      size="small"
                      disabled={busy !== null}
                      onClick={() => void search(query)}
                    >
                      Search
                    </Button>
                  </div>
                  {busy === "search" && <Spinner size="tiny" label="Searching…" />}
                  {candidates?.length === 0 && <Caption1>No candidates; try other words.</Caption1>}
                  {candidates && candidates.length > 0 && (
                    <RadioGroup
                      aria-label="Candidates"
                      value={chosen}
                      onChange={(_, data) => setChosen(data.value)}
                    >
                      {candidates.map((part) => (
                        <Radio
                          key={part.cpid}
                          value={part.cpid}
                          label={candidateLabel(part, line.quantity)}
                        />
                      ))}
                    </RadioGroup>
                  )}
                  <div className={styles.row}>
                    <Button
                      size="small"
                      appearance="primary"
                      disabled={!chosenPart || busy !== null}
                      onClick={() =>
                        chosenPart && setPending({ kind: "part", line, part: chosenPart })
                      }
                    >
                      Use this part
                    </Button>
                  </div>
                </div>
              )}
            </div>
          ))}
        </Section>
      )}

      {!bom.approved && (
        <Section title="Approve">
          <Caption1>Checks the unmatched lines, DNP lines and lifecycle risks first.</Caption1>
          <div className={styles.row}>
            <Button disabled={busy !== null} onClick={() => void checkApproval()}>
              {busy === "checks" ? "Checking…" : "Approve…"}
            </Button>
          </div>
        </Section>
      )}

      <Section title="Activity">
        <ol className={styles.log} aria-label="Activity log">
          {log.map((entry, index) => (
            <li key={index}>
              <Caption1>{entry}</Caption1>
            </li>
          ))}
        </ol>
      </Section>
    </div>
  );
}

/** "1 line is", "3 lines are". */
function lines(count: number): string {
  return count === 1 ? "1 line is" : `${count} lines are`;
}

function time(): string {
  return new Date().toTimeString().slice(0, 5);
}
