/**
 * One row per BOM field: which column feeds it, how sure the automatic mapping is, and why
 * (the mapper's reasons, behind a "Why" disclosure per field).
 */
import * as React from "react";
import {
  Badge,
  Button,
  Dropdown,
  Label,
  Option,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ChevronUp16Regular, Info16Regular, Warning12Filled } from "@fluentui/react-icons";
import type { BomField, BomReadResult, FieldAssignment, Grid } from "../../../core/bom/types";
import { columnLetters } from "../../excel/a1";
import { FIELD_LABELS, FIELD_ORDER } from "../../../core/field-labels";
import { confidenceLabel } from "../confidence-label";
import { FieldReasons, isWeakMapping, type Proposal } from "./field-reasons";

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
  status: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
  },
  why: { minWidth: "0", paddingLeft: tokens.spacingHorizontalXS },
  toolbar: { display: "flex", justifyContent: "flex-end" },
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

/** Whether a field's row can explain its column: the mapper's reasons, or the user's choice. */
function canExplain(assignment: FieldAssignment): boolean {
  if (assignment.column === null) return false;
  if (assignment.source === "user" || assignment.source === "saved") return true;
  return (assignment.reasons?.length ?? 0) > 0;
}

function FieldRow(props: {
  field: BomField;
  read: BomReadResult;
  choices: ColumnChoice[];
  expanded: boolean;
  proposal: Proposal | undefined;
  onToggle(field: BomField): void;
  onChange(field: BomField, column: number | null): void;
}): React.JSX.Element {
  const styles = useStyles();
  const labelId = useId("field");
  const reasonsId = useId("reasons");
  const label = FIELD_LABELS[props.field];
  const assignment = props.read.mapping.fields[props.field];
  const chosen = props.choices.find((choice) => choice.index === assignment.column);
  const confidence = chosen ? confidenceLabel(assignment.confidence, assignment.source) : null;
  const explained = chosen !== undefined && canExplain(assignment);
  return (
    <div className={styles.row}>
      <Label id={labelId} weight={props.field === "mpn" ? "semibold" : "regular"}>
        {label}
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
          <div className={styles.status}>
            <Badge
              size="small"
              appearance="tint"
              color={confidence.tone}
              icon={isWeakMapping(assignment) ? <Warning12Filled /> : undefined}
              aria-label={`${label} mapping: ${confidence.text}`}
            >
              {confidence.text}
            </Badge>
            {explained && (
              <Button
                className={styles.why}
                size="small"
                appearance="transparent"
                icon={props.expanded ? <ChevronUp16Regular /> : <Info16Regular />}
                aria-label={`Why ${label} is ${chosen.text}`}
                aria-expanded={props.expanded}
                aria-controls={props.expanded ? reasonsId : undefined}
                onClick={() => props.onToggle(props.field)}
              >
                Why
              </Button>
            )}
          </div>
        )}
      </div>
      {explained && props.expanded && (
        <FieldReasons
          id={reasonsId}
          label={`Why ${label} is ${chosen.text}`}
          assignment={assignment}
          proposal={props.proposal}
        />
      )}
    </div>
  );
}

/**
 * What the mapper last proposed for each field on this grid, kept while the user overrides
 * fields (the read then carries only the user's choice). Forgotten when the sheet is re-read.
 */
function useProposals(
  grid: Grid,
  fields: Record<BomField, FieldAssignment>,
  choices: readonly ColumnChoice[],
): Partial<Record<BomField, Proposal>> {
  const memory = React.useRef<{ grid: Grid; proposals: Partial<Record<BomField, Proposal>> }>({
    grid,
    proposals: {},
  });
  if (memory.current.grid !== grid) memory.current = { grid, proposals: {} };
  const { proposals } = memory.current;
  for (const field of FIELD_ORDER) {
    const assignment = fields[field];
    if (assignment.source === "user") continue;
    const chosen = choices.find((choice) => choice.index === assignment.column);
    proposals[field] = { assignment, columnText: chosen?.text ?? null };
  }
  return proposals;
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
  const { fields } = props.read.mapping;
  const proposals = useProposals(props.grid, fields, choices);
  const [expanded, setExpanded] = React.useState<ReadonlySet<BomField>>(new Set());
  const explainable = FIELD_ORDER.filter((field) => canExplain(fields[field]));
  const allOpen = explainable.length > 0 && explainable.every((field) => expanded.has(field));
  const toggle = React.useCallback((field: BomField) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(field)) next.add(field);
      return next;
    });
  }, []);
  return (
    <div className={styles.list} role="group" aria-label="Column mapping">
      {explainable.length > 0 && (
        <div className={styles.toolbar}>
          <Button
            size="small"
            appearance="subtle"
            onClick={() => setExpanded(allOpen ? new Set() : new Set(explainable))}
          >
            {allOpen ? "Hide all reasons" : "Show all reasons"}
          </Button>
        </div>
      )}
      {FIELD_ORDER.map((field) => (
        <FieldRow
          key={field}
          field={field}
          read={props.read}
          choices={choices}
          expanded={expanded.has(field)}
          proposal={proposals[field]}
          onToggle={toggle}
          onChange={props.onChange}
        />
      ))}
    </div>
  );
}
