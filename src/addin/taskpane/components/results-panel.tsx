/** Writes the results table (new sheet, or new columns after confirmation) and refreshes. */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwise20Regular, TableAdd20Regular } from "@fluentui/react-icons";
import type { BesideDataState, ResultsDestination } from "../../runtime/results/write-results";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface ResultsPanelProps {
  /** The uploaded BOM, or null before any upload. */
  bomId: string | null;
  /** e.g. "BOM!P1:AB57", where "beside the data" would write. */
  besideAddress: string | null;
  /** Whether writing there fills empty cells, updates the earlier results, or cannot. */
  checkBeside(): Promise<BesideDataState>;
  write(destination: ResultsDestination): Promise<string>;
  refresh(): Promise<void>;
}

type Note = { intent: "success" | "error" | "info"; text: string } | null;

export function ResultsPanel(props: ResultsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [destination, setDestination] = React.useState<ResultsDestination>("newSheet");
  const [busy, setBusy] = React.useState<"write" | "refresh" | null>(null);
  const [confirming, setConfirming] = React.useState<BesideDataState | null>(null);
  const [note, setNote] = React.useState<Note>(null);

  const runWrite = async () => {
    setConfirming(null);
    setBusy("write");
    setNote(null);
    try {
      setNote({ intent: "success", text: await props.write(destination) });
    } catch (error) {
      setNote({ intent: "error", text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  };

  const onWrite = async () => {
    if (destination === "newSheet") return runWrite();
    setBusy("write");
    setNote(null);
    try {
      const state = await props.checkBeside();
      if (state !== "occupied") {
        setConfirming(state);
      } else {
        setNote({
          intent: "error",
          text: `Cells in ${props.besideAddress} are not empty, so nothing was written. Write to a new sheet instead.`,
        });
      }
    } catch (error) {
      setNote({ intent: "error", text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  };

  const onRefresh = async () => {
    setBusy("refresh");
    setNote(null);
    try {
      await props.refresh();
      setNote({ intent: "info", text: "Part data fetched afresh; COFACTR formulas recalculated." });
    } catch (error) {
      setNote({
        intent: "error",
        text: `Refresh failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className={styles.panel}>
      <Field label="Write results to" hint="Writing again updates the table written there before.">
        <RadioGroup
          value={destination}
          onChange={(_, data) => setDestination(data.value as ResultsDestination)}
        >
          <Radio value="newSheet" label="Its own sheet, “Cofactr results”" />
          <Radio
            value="besideData"
            label={`New columns right of the BOM${props.besideAddress ? ` (${props.besideAddress})` : ""}`}
            disabled={!props.besideAddress}
          />
        </RadioGroup>
      </Field>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<TableAdd20Regular />}
          disabled={!props.bomId || busy !== null}
          onClick={() => void onWrite()}
        >
          {busy === "write" ? "Writing…" : "Write results"}
        </Button>
        <Button
          icon={<ArrowClockwise20Regular />}
          disabled={busy !== null}
          onClick={() => void onRefresh()}
        >
          {busy === "refresh" ? "Refreshing…" : "Refresh prices"}
        </Button>
      </div>
      {!props.bomId && (
        <MessageBar intent="info">
          <MessageBarBody>
            Upload the BOM first: the results show what Cofactr matched.
          </MessageBarBody>
        </MessageBar>
      )}
      {note && (
        <MessageBar intent={note.intent} layout="multiline">
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog
        open={confirming !== null}
        onOpenChange={(_, data) => {
          if (!data.open) setConfirming(null);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Write beside the BOM?</DialogTitle>
            <DialogContent>
              {confirming === "update"
                ? "The results table written beside the BOM before is updated in place; cells " +
                  "of yours are never overwritten."
                : `The results go into ${props.besideAddress ?? ""}. Those cells are empty now, ` +
                  "so nothing of yours is overwritten."}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirming(null)}>
                Cancel
              </Button>
              <Button appearance="primary" onClick={() => void runWrite()}>
                Write results
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
