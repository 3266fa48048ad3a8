/** Asks Cofactr whether the uploaded BOM can be built, and says how many parts are short. */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { BoxSearch20Regular } from "@fluentui/react-icons";
import type { AvailabilityCheck } from "../../runtime/programs/check-availability";
import { money } from "../money";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  numbers: { fontVariantNumeric: "tabular-nums" },
  counts: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface AvailabilityPanelProps {
  /** The uploaded BOM, or null before any upload. */
  bomId: string | null;
  check(signal: AbortSignal): Promise<AvailabilityCheck>;
}

type State =
  | { phase: "idle" }
  | { phase: "running" }
  | { phase: "done"; result: AvailabilityCheck }
  | { phase: "failed"; message: string };

export function AvailabilityPanel(props: AvailabilityPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<State>({ phase: "idle" });
  const running = React.useRef<AbortController | null>(null);
  // A check for an earlier BOM, or one left running when the pane closes, is dropped.
  React.useEffect(() => {
    setState({ phase: "idle" });
    return () => running.current?.abort();
  }, [props.bomId]);

  const start = async () => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ phase: "running" });
    try {
      const result = await props.check(controller.signal);
      if (!controller.signal.aborted) setState({ phase: "done", result });
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({
        phase: "failed",
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  if (!props.bomId) {
    return <span>Upload the BOM first: Cofactr checks the BOM it holds.</span>;
  }
  return (
    <div className={styles.panel}>
      <Button
        icon={<BoxSearch20Regular />}
        disabled={state.phase === "running"}
        onClick={() => void start()}
      >
        {state.phase === "done" ? "Check again" : "Check availability"}
      </Button>
      {state.phase === "running" && (
        <Spinner size="tiny" label="Cofactr is checking stock for the build quantity…" />
      )}
      {state.phase === "done" && <AvailabilityResult result={state.result} />}
      {state.phase === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Availability not checked</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function AvailabilityResult(props: { result: AvailabilityCheck }): React.JSX.Element {
  const styles = useStyles();
  const { result } = props;
  const { totals } = result;
  const short = totals.partial + totals.unavailable;
  return (
    <MessageBar
      intent={short > 0 || result.unmatchedLines > 0 ? "warning" : "success"}
      layout="multiline"
    >
      <MessageBarBody>
        <MessageBarTitle>
          {short === 0
            ? `All ${totals.parts} parts are in stock for ${result.buildQuantity} boards`
            : `${short} of ${totals.parts} parts are short for ${result.buildQuantity} boards`}
        </MessageBarTitle>
        <ul className={`${styles.counts} ${styles.numbers}`} aria-label="Availability counts">
          <li>{totals.available} available</li>
          <li>{totals.partial} partly available</li>
          <li>{totals.unavailable} unavailable</li>
          {result.unmatchedLines > 0 && (
            <li>
              {result.unmatchedLines} {result.unmatchedLines === 1 ? "line" : "lines"} not matched
              to a part (not counted)
            </li>
          )}
          {totals.best_offer_cost !== null && (
            <li>Best offers: {money(totals.best_offer_cost, result.currency)}</li>
          )}
        </ul>
        Program “{result.programName}” {result.created ? "was made" : "was updated"} in Cofactr.
      </MessageBarBody>
    </MessageBar>
  );
}
