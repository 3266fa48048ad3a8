/** Why a field maps to its column: the mapper's reasons and confidence, or the user's choice. */
import * as React from "react";
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { FieldAssignment } from "../../../core/bom/types";
import { confidenceLabel } from "../confidence-label";

const useStyles = makeStyles({
  panel: {
    gridColumn: "1 / -1",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    // Reasons quote headers and cell text: long words must wrap in a 320 px pane.
    overflowWrap: "anywhere",
  },
  weak: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** What the mapper proposed for a field before the user picked another column. */
export interface Proposal {
  assignment: FieldAssignment;
  /** The proposed column as the dropdown names it ("G · MPN"), or null when none. */
  columnText: string | null;
}

/** A mapping the user should look at: the mapper guessed, or was only fairly sure. */
export function isWeakMapping(assignment: FieldAssignment): boolean {
  const tone = confidenceLabel(assignment.confidence, assignment.source).tone;
  return assignment.column !== null && (tone === "danger" || tone === "warning");
}

function sourceText(assignment: FieldAssignment): string {
  const confidence = confidenceLabel(assignment.confidence, assignment.source).text;
  const found = assignment.source === "content" ? "its contents" : "its header";
  return `${confidence}, found by ${found}.`;
}

function ReasonList(props: { reasons: readonly string[] }): React.JSX.Element | null {
  const styles = useStyles();
  if (props.reasons.length === 0) return null;
  return (
    <ul className={styles.list}>
      {props.reasons.map((reason, index) => (
        <li key={index}>
          <Caption1>{reason}</Caption1>
        </li>
      ))}
    </ul>
  );
}

/** What the mapper had proposed, shown under a user's own choice so that nothing is lost. */
function ProposalNote(props: { proposal: Proposal | undefined }): React.JSX.Element | null {
  const { proposal } = props;
  if (!proposal) return null;
  if (proposal.columnText === null) return <Caption1>Automatically, it was not mapped.</Caption1>;
  return (
    <>
      <Caption1>
        The automatic choice was {proposal.columnText} ({sourceText(proposal.assignment)})
      </Caption1>
      <ReasonList reasons={proposal.assignment.reasons ?? []} />
    </>
  );
}

export function FieldReasons(props: {
  id: string;
  /** The region's accessible name, e.g. "Why MPN is G · MPN". */
  label: string;
  assignment: FieldAssignment;
  proposal?: Proposal;
}): React.JSX.Element {
  const styles = useStyles();
  const { assignment } = props;
  const weak = isWeakMapping(assignment);
  let body: React.ReactNode;
  if (assignment.source === "user") {
    body = (
      <>
        <Caption1>You chose this column.</Caption1>
        <ProposalNote proposal={props.proposal} />
      </>
    );
  } else if (assignment.source === "saved") {
    body = <Caption1>Saved with this workbook for sheets with these headers.</Caption1>;
  } else {
    body = (
      <>
        <Caption1>{sourceText(assignment)}</Caption1>
        {weak && <Caption1>Check this column: the evidence for it is weak.</Caption1>}
        <ReasonList reasons={assignment.reasons ?? []} />
      </>
    );
  }
  return (
    <div
      id={props.id}
      role="region"
      aria-label={props.label}
      className={mergeClasses(styles.panel, weak && styles.weak)}
    >
      {body}
    </div>
  );
}
