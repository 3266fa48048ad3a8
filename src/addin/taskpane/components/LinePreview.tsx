/** The first lines exactly as they will be sent to Cofactr. */
import * as React from "react";
import {
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { compressRefdes } from "../../../core/bom";
import type { BomReadResult } from "../../../core/bom/types";

const useStyles = makeStyles({
  wrap: { overflowX: "auto" },
  table: { minWidth: "300px", tableLayout: "auto" },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  dnp: { color: tokens.colorNeutralForeground4, textDecorationLine: "line-through" },
});

export const PREVIEW_LINES = 5;

export function LinePreview(props: { read: BomReadResult }): React.JSX.Element {
  const styles = useStyles();
  const { lines, lineRows } = props.read;
  const shown = lines.slice(0, PREVIEW_LINES);
  return (
    <div className={styles.wrap}>
      <Table size="extra-small" className={styles.table} aria-label="Lines as they will be sent">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Row</TableHeaderCell>
            <TableHeaderCell>Qty</TableHeaderCell>
            <TableHeaderCell>MPN</TableHeaderCell>
            <TableHeaderCell>Manufacturer</TableHeaderCell>
            <TableHeaderCell>Designators</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((line, index) => (
            <TableRow
              key={lineRows[index] ?? index}
              className={line.do_not_place ? styles.dnp : undefined}
            >
              <TableCell>{lineRows[index]}</TableCell>
              <TableCell>{line.quantity ?? "—"}</TableCell>
              <TableCell>
                <TableCellLayout truncate className={styles.mono}>
                  {line.mpn ?? "—"}
                </TableCellLayout>
              </TableCell>
              <TableCell>
                <TableCellLayout truncate>{line.manufacturer_name ?? "—"}</TableCellLayout>
              </TableCell>
              <TableCell>
                <TableCellLayout truncate>
                  {line.reference_designators?.length
                    ? compressRefdes(line.reference_designators)
                    : (line.reference_designators_string ?? "—")}
                </TableCellLayout>
              </TableCell>
            </TableRow>
          ))}
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
