/**
 * Shown instead of the column mapping when the sheet is a BOM pasted as text into one column:
 * what was found, a preview of the split, and the one button that writes it to a new sheet.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { TableSplit20Regular } from "@fluentui/react-icons";
import type { PastedColumnSplit, TextDelimiter } from "../../../core/bom/files";
import { columnLetters } from "../../excel/a1";

const useStyles = makeStyles({
  prompt: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  wrap: { overflowX: "auto" },
  table: { width: "100%", tableLayout: "fixed" },
  cell: {
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  actions: { display: "flex" },
});

const PREVIEW_ROWS = 3;
const PREVIEW_COLUMNS = 5;

const SEPARATED_BY: Record<TextDelimiter, string> = {
  ",": "separated by commas",
  ";": "separated by semicolons",
  "\t": "separated by tabs",
  "|": "separated by vertical bars",
  "fixed-width": "in columns aligned with spaces",
};

/** The first rows that hold something, cut to the columns a narrow pane can show. */
function previewRows(split: PastedColumnSplit): string[][] {
  const rows: string[][] = [];
  for (const row of split.grid) {
    if (rows.length === PREVIEW_ROWS) break;
    if (row.some((cell) => cell.trim() !== "")) rows.push(row.slice(0, PREVIEW_COLUMNS));
  }
  return rows;
}

export function SplitPrompt(props: {
  sheetName: string;
  /** 1-based column of the pasted text. */
  column: number;
  split: PastedColumnSplit;
  /** Writes the split to a new sheet; rejects with the reason it could not. */
  onSplit(): Promise<void>;
}): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const { split } = props;
  const rows = previewRows(split);
  const width = Math.min(split.columns, PREVIEW_COLUMNS);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onSplit();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.prompt} role="group" aria-label="Pasted text">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>A BOM pasted as text</MessageBarTitle>
          Each row of column {columnLetters(props.column)} holds a whole line,{" "}
          {SEPARATED_BY[split.delimiter]}, so there are no columns to map yet.
        </MessageBarBody>
      </MessageBar>
      <Body1>
        Split into columns writes its {split.columns} columns to a new sheet, every cell as text
        (part numbers such as 0603 keep their zeros). The sheet <strong>{props.sheetName}</strong>{" "}
        is not changed.
      </Body1>
      <div className={styles.wrap}>
        <Table className={styles.table} size="extra-small" aria-label="Split preview">
          <TableBody>
            {rows.map((row, r) => (
              <TableRow key={r}>
                {Array.from({ length: width }, (_, c) => (
                  <TableCell key={c} className={styles.cell} title={row[c] ?? ""}>
                    {row[c] ?? ""}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {split.columns > PREVIEW_COLUMNS && (
        <Caption1>
          The first {PREVIEW_COLUMNS} of {split.columns} columns.
        </Caption1>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<TableSplit20Regular />}
          disabled={busy}
          onClick={() => void run()}
        >
          {busy ? "Splitting…" : "Split into columns"}
        </Button>
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
