/** Problems found on the sheet; choosing one selects its cell in Excel. */
import * as React from "react";
import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Regular, Warning16Filled } from "@fluentui/react-icons";
import type { BomIssue } from "../../../core/bom/types";
import { FIELD_LABELS } from "../../../core/field-labels";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "start",
    alignItems: "flex-start",
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  text: { display: "flex", flexDirection: "column", gap: "2px" },
  where: { fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
});

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const LIMIT = 30;

export function issueTitle(issue: BomIssue): string {
  const field = issue.field ? ` · ${FIELD_LABELS[issue.field]}` : "";
  return `Row ${issue.row}${field}`;
}

export function IssuesList(props: {
  issues: BomIssue[];
  onSelect(issue: BomIssue): void;
}): React.JSX.Element {
  const styles = useStyles();
  const [showAll, setShowAll] = React.useState(false);
  const sorted = React.useMemo(
    () =>
      [...props.issues].sort(
        (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.row - b.row,
      ),
    [props.issues],
  );
  if (sorted.length === 0) return <Caption1>No problems found.</Caption1>;
  const shown = showAll ? sorted : sorted.slice(0, LIMIT);
  return (
    <>
      <ul className={styles.list} aria-label="Problems on the sheet">
        {shown.map((issue, index) => {
          const Icon =
            issue.severity === "error"
              ? ErrorCircle16Filled
              : issue.severity === "warning"
                ? Warning16Filled
                : Info16Regular;
          return (
            <li key={`${issue.row}-${issue.field}-${index}`}>
              <Button
                appearance="subtle"
                className={styles.item}
                icon={<Icon className={mergeClasses(styles[issue.severity])} />}
                onClick={() => props.onSelect(issue)}
                aria-label={`${issue.severity}: ${issueTitle(issue)}: ${issue.message}. Select the cell.`}
              >
                <span className={styles.text}>
                  <span className={styles.where}>{issueTitle(issue)}</span>
                  <span>{issue.message}</span>
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
      {sorted.length > LIMIT && (
        <Button appearance="transparent" size="small" onClick={() => setShowAll((v) => !v)}>
          {showAll ? "Show fewer" : `Show all ${sorted.length} problems`}
        </Button>
      )}
    </>
  );
}
