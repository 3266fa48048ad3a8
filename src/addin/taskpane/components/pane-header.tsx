import * as React from "react";
import { Badge, Caption1, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { HealthResponse } from "../../../core/api";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titles: { display: "flex", flexDirection: "column" },
});

export function PaneHeader(props: {
  health: HealthResponse | null;
  healthFailed: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  let badge: React.ReactNode;
  if (props.healthFailed) {
    badge = (
      <Badge color="danger" appearance="tint">
        Server offline
      </Badge>
    );
  } else if (props.health?.mode === "emulator") {
    badge = (
      <Badge color="warning" appearance="tint">
        Demo backend
      </Badge>
    );
  } else if (props.health?.mode === "cofactr") {
    badge = (
      <Badge color="success" appearance="tint">
        Cofactr
      </Badge>
    );
  }
  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        <Title3 as="h1">Cofactr</Title3>
        <Caption1>BOM upload and live part data</Caption1>
      </div>
      <div role="status" aria-label="Connection">
        {badge}
      </div>
    </header>
  );
}
