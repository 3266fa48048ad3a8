/** The first lines exactly as they will be sent to Cofactr. */
import * as React from "react";
import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { compressRefdes } from "../../../core/bom";
import type { BomReadResult } from "../../../core/bom/types";

const useStyles = makeStyles({
  wrap: { overflowX: "auto" },
  // Columns that fit a narrow pane: MPNs and makers wrap (an MPN anywhere, it has no spaces);
  // designator lists, which can be long, end in an ellipsis with the full list on hover.
  table: { width: "100%", tableLayout: "fixed" },
  wrapText: { paddingTop: "2px", paddingBottom: "2px" },
  wrapAnywhere: { overflowWrap: "anywhere" },
  oneLine: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  dnp: { color: tokens.colorNeutralForeground4, textDecorationLine: "line-through" },
});

export const PREVIEW_LINES = 5;

/** A column's width, padding included, so the widths add up to the pane's. */
const column = (width: string): React.CSSProperties => ({ width, boxSizing: "border-box" });

export function LinePreview(props: { read: BomReadResult }): React.JSX.Element {
  const styles = useStyles();
  const { lines, lineRows } = props.read;
  const shown = lines.slice(0, PREVIEW_LINES);
  return (
    <div className={styles.wrap}>
      <Table size="extra-small" className={styles.table} aria-label="Lines as they will be sent">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={column("40px")}>Row</TableHeaderCell>
            <TableHeaderCell style={column("40px")}>Qty</TableHeaderCell>
            <TableHeaderCell style={column("38%")}>MPN</TableHeaderCell>
            <TableHeaderCell style={column("26%")}>
              <abbr title="Manufacturer">Mfr</abbr>
            </TableHeaderCell>
            <TableHeaderCell>
              <abbr title="Reference designators">Ref des</abbr>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((line, index) => {
            const designators = line.reference_designators?.length
              ? compressRefdes(line.reference_designators)
              : (line.reference_designators_string ?? "—");
            return (
              <TableRow
                key={`${lineRows[index] ?? ""}:${index}`}
                className={line.do_not_place ? styles.dnp : undefined}
              >
                <TableCell>{lineRows[index]}</TableCell>
                <TableCell>{line.quantity ?? "—"}</TableCell>
                <TableCell
                  className={mergeClasses(styles.wrapText, styles.wrapAnywhere, styles.mono)}
                >
                  {line.mpn ?? "—"}
                </TableCell>
                <TableCell className={mergeClasses(styles.wrapText, styles.wrapAnywhere)}>
                  {line.manufacturer_name ?? "—"}
                </TableCell>
                <TableCell className={styles.oneLine} title={designators}>
                  {designators}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Caption1>
        {lines.length === 0
          ? "No lines found below the header."
          : `${Math.min(PREVIEW_LINES, lines.length)} of ${lines.length} lines shown.`}
      </Caption1>
    </div>
  );
}
