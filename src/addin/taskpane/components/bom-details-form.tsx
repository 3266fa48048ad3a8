/** The BOM's name, version, part number and build quantity. */
import * as React from "react";
import { Field, Input, SpinButton, makeStyles, tokens } from "@fluentui/react-components";
import type { BomDetails } from "../../excel/workbook-access";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalS,
  },
  // Fluent inputs keep a minimum width; the pane is narrow.
  input: { minWidth: "0", width: "100%" },
});

export function BomDetailsForm(props: {
  details: BomDetails;
  disabled?: boolean;
  onChange(patch: Partial<BomDetails>): void;
}): React.JSX.Element {
  const styles = useStyles();
  const { details } = props;
  const nameMissing = details.name.trim() === "";
  return (
    <div className={styles.form}>
      <Field
        label="BOM name"
        required
        validationState={nameMissing ? "error" : "none"}
        validationMessage={nameMissing ? "Give the BOM a name." : undefined}
      >
        <Input
          className={styles.input}
          value={details.name}
          disabled={props.disabled}
          onChange={(_, data) => props.onChange({ name: data.value })}
        />
      </Field>
      <div className={styles.pair}>
        <Field label="Version">
          <Input
            className={styles.input}
            value={details.version}
            disabled={props.disabled}
            placeholder="e.g. C3"
            onChange={(_, data) => props.onChange({ version: data.value })}
          />
        </Field>
        <Field label="Part number">
          <Input
            className={styles.input}
            value={details.partNumber}
            disabled={props.disabled}
            onChange={(_, data) => props.onChange({ partNumber: data.value })}
          />
        </Field>
      </div>
      <Field label="Build quantity" hint="Boards to build: prices are for this many.">
        <SpinButton
          value={details.buildQuantity}
          min={1}
          max={10_000_000}
          disabled={props.disabled}
          onChange={(_, data) => {
            const raw = data.value ?? Number(data.displayValue);
            if (Number.isInteger(raw) && raw !== null && raw >= 1) {
              props.onChange({ buildQuantity: raw });
            }
          }}
        />
      </Field>
    </div>
  );
}
