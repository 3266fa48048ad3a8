/** One row per BOM field: which column feeds it, and how sure the automatic mapping is. */
import * as React from "react";
import {
  Badge,
  Dropdown,
  Label,
  Option,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import type { BomField, BomReadResult, Grid } from "../../../core/bom/types";
import { columnLetters } from "../../excel/a1";
import { FIELD_LABELS, FIELD_ORDER } from "../../../core/field-labels";
import { confidenceLabel } from "../confidence-label";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(92px, 34%) 1fr",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  control: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  dropdown: { minWidth: "0", width: "100%" },
  badge: { alignSelf: "flex-start" },
});

const NOT_MAPPED = "none";

export interface ColumnChoice {
  index: number;
  text: string;
}

/** Dropdown choices: "C · MPN" for each column of the read block. */
export function columnChoices(
  grid: Grid,
  headerRow: number | null,
  firstColumn: number,
): ColumnChoice[] {
  const width = Math.max(0, ...grid.map((row) => row.length));
  const headers = headerRow === null ? [] : (grid[headerRow] ?? []);
  return Array.from({ length: width }, (_, index) => {
    const header = headers[index];
    const text = header === null || header === undefined ? "" : String(header).trim();
    const title = text === "" ? "(no header)" : text;
    return { index, text: `${columnLetters(firstColumn + index)} · ${title}` };
  });
}

function FieldRow(props: {
  field: BomField;
  read: BomReadResult;
  choices: ColumnChoice[];
  onChange(field: BomField, column: number | null): void;
}): React.JSX.Element {
  const styles = useStyles();
  const labelId = useId("field");
  const assignment = props.read.mapping.fields[props.field];
  const chosen = props.choices.find((choice) => choice.index === assignment.column);
  const confidence = chosen ? confidenceLabel(assignment.confidence, assignment.source) : null;
  return (
    <div className={styles.row}>
      <Label id={labelId} weight={props.field === "mpn" ? "semibold" : "regular"}>
        {FIELD_LABELS[props.field]}
      </Label>
      <div className={styles.control}>
        <Dropdown
          className={styles.dropdown}
          size="small"
          aria-labelledby={labelId}
          value={chosen?.text ?? "Not mapped"}
          selectedOptions={[chosen ? String(chosen.index) : NOT_MAPPED]}
          onOptionSelect={(_, data) => {
            const value = data.optionValue ?? NOT_MAPPED;
            props.onChange(props.field, value === NOT_MAPPED ? null : Number(value));
          }}
        >
          <Option value={NOT_MAPPED}>Not mapped</Option>
          {props.choices.map((choice) => (
            <Option key={choice.index} value={String(choice.index)}>
              {choice.text}
            </Option>
          ))}
        </Dropdown>
        {confidence && (
          <Badge
            className={styles.badge}
            size="small"
            appearance="tint"
            color={confidence.tone}
            aria-label={`${FIELD_LABELS[props.field]} mapping: ${confidence.text}`}
          >
            {confidence.text}
          </Badge>
        )}
      </div>
    </div>
  );
}

export function MappingView(props: {
  grid: Grid;
  firstColumn: number;
  read: BomReadResult;
  onChange(field: BomField, column: number | null): void;
}): React.JSX.Element {
  const styles = useStyles();
  const choices = React.useMemo(
    () => columnChoices(props.grid, props.read.mapping.headerRow, props.firstColumn),
    [props.grid, props.read.mapping.headerRow, props.firstColumn],
  );
  return (
    <div className={styles.list} role="group" aria-label="Column mapping">
      {FIELD_ORDER.map((field) => (
        <FieldRow
          key={field}
          field={field}
          read={props.read}
          choices={choices}
          onChange={props.onChange}
        />
      ))}
    </div>
  );
}
