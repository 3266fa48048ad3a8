/** One button, then the upload's progress step by step, and its outcome. */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  ArrowUpload20Regular,
  CheckmarkCircle16Filled,
  Circle16Regular,
  ErrorCircle16Filled,
} from "@fluentui/react-icons";
import {
  STEP_LABELS,
  UPLOAD_STEPS,
  progressOf,
  type UploadState,
  type UploadStep,
} from "../../runtime/upload/upload-machine";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  steps: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  step: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  done: { color: tokens.colorPaletteGreenForeground1 },
  pending: { color: tokens.colorNeutralForeground4 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  current: { fontWeight: tokens.fontWeightSemibold },
  numbers: { fontVariantNumeric: "tabular-nums" },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

type StepStatus = "done" | "current" | "pending" | "failed";

function stepStatus(state: UploadState, step: UploadStep): StepStatus {
  if (state.phase === "idle") return "pending";
  if (state.phase === "done") return "done";
  const at = UPLOAD_STEPS.indexOf(state.step);
  const index = UPLOAD_STEPS.indexOf(step);
  if (index < at) return "done";
  if (index > at) return "pending";
  return state.phase === "failed" ? "failed" : "current";
}

function StepIcon(props: { status: StepStatus }): React.JSX.Element {
  const styles = useStyles();
  if (props.status === "current") return <Spinner size="extra-tiny" aria-hidden />;
  if (props.status === "done")
    return <CheckmarkCircle16Filled className={styles.done} aria-hidden />;
  if (props.status === "failed")
    return <ErrorCircle16Filled className={styles.failed} aria-hidden />;
  return <Circle16Regular className={styles.pending} aria-hidden />;
}

const STATUS_WORDS: Record<StepStatus, string> = {
  done: "done",
  current: "in progress",
  pending: "not started",
  failed: "failed",
};

export function UploadPanel(props: {
  state: UploadState;
  canUpload: boolean;
  blockedReason?: string;
  onUpload(): void;
  onStop(): void;
  onShowProblems(): void;
  onWriteResults?(): void;
}): React.JSX.Element {
  const styles = useStyles();
  const { state } = props;
  const running = state.phase === "running";
  return (
    <div className={styles.panel}>
      <Button
        appearance="primary"
        icon={<ArrowUpload20Regular />}
        disabled={!props.canUpload || running}
        onClick={props.onUpload}
      >
        {running ? "Uploading…" : state.phase === "done" ? "Upload again" : "Upload BOM"}
      </Button>
      {props.blockedReason && !running && (
        <MessageBar intent="warning">
          <MessageBarBody>{props.blockedReason}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase !== "idle" && (
        <>
          <ProgressBar
            value={progressOf(state)}
            max={1}
            thickness="large"
            color={
              state.phase === "failed" ? "error" : state.phase === "done" ? "success" : "brand"
            }
            aria-label="Upload progress"
          />
          <ol className={styles.steps} aria-label="Upload steps">
            {UPLOAD_STEPS.map((step) => {
              const status = stepStatus(state, step);
              return (
                <li
                  key={step}
                  className={`${styles.step} ${status === "current" ? styles.current : ""}`}
                  aria-current={status === "current" ? "step" : undefined}
                >
                  <StepIcon status={status} />
                  <span>
                    {STEP_LABELS[step]}
                    <span className={styles.srOnly}>{` (${STATUS_WORDS[status]})`}</span>
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
      {running && state.jobId && (
        <Button appearance="subtle" size="small" onClick={props.onStop}>
          Stop following (Cofactr keeps processing)
        </Button>
      )}
      {state.phase === "done" && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>BOM uploaded</MessageBarTitle>
            <span className={styles.numbers}>
              {state.summary.lines} lines: {state.summary.matched} matched,{" "}
              {state.summary.unmatched} unmatched. BOM id {state.summary.bomId}.
            </span>
          </MessageBarBody>
          {props.onWriteResults && (
            <MessageBarActions>
              <Button size="small" onClick={props.onWriteResults}>
                Write results
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {state.phase === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Upload stopped</MessageBarTitle>
            {state.failure.message} {state.failure.nextStep}
          </MessageBarBody>
          {state.failure.kind === "mapping" && (state.failure.issues?.length ?? 0) > 0 && (
            <MessageBarActions>
              <Button size="small" onClick={props.onShowProblems}>
                Show problems
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </div>
  );
}
