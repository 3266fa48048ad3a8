/** Open from Cofactr: a searchable list of the BOMs the user can read, each with an Open button. */
import * as React from "react";
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Search20Regular } from "@fluentui/react-icons";
import type { BomSummary } from "../../../core/api";
import type { BomLibraryApi } from "../../runtime/boms/bom-session";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
});

/** Waits this long after the last keystroke before searching. */
const SEARCH_DELAY_MS = 300;

export function BomList(props: {
  api: BomLibraryApi;
  opening: string | null;
  onOpen(bom: BomSummary): void;
}): React.JSX.Element {
  const styles = useStyles();
  const [search, setSearch] = React.useState("");
  const [state, setState] = React.useState<
    | { status: "loading" }
    | { status: "ready"; boms: BomSummary[]; total: number | null }
    | { status: "error"; message: string }
  >({ status: "loading" });

  React.useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState({ status: "loading" });
      props.api.listBoms(search.trim(), controller.signal).then(
        (page) => setState({ status: "ready", boms: page.boms, total: page.total }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState({
            status: "error",
            message: error instanceof Error ? error.message : String(error),
          });
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [props.api, search]);

  return (
    <div className={styles.panel}>
      <Field label="Search BOMs by name">
        <Input
          value={search}
          contentBefore={<Search20Regular />}
          onChange={(_, data) => setSearch(data.value)}
        />
      </Field>
      {state.status === "loading" && <Spinner size="tiny" label="Asking Cofactr…" />}
      {state.status === "error" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "ready" && state.boms.length === 0 && (
        <Body1>{search.trim() ? `No BOM named like "${search.trim()}".` : "No BOMs yet."}</Body1>
      )}
      {state.status === "ready" && state.boms.length > 0 && (
        <ul className={styles.list} aria-label="Cofactr BOMs">
          {state.boms.map((bom) => (
            <li key={bom.id} className={styles.item}>
              <div className={styles.name}>
                <Body1>
                  <strong>{bom.name}</strong>
                  {bom.version ? ` ${bom.version}` : ""}
                </Body1>
                <Caption1>
                  {bom.line_count ?? "?"} lines · updated {bom.updated_at.slice(0, 10)}{" "}
                  {bom.approved && (
                    <Badge size="small" appearance="tint" color="success">
                      approved
                    </Badge>
                  )}
                </Caption1>
              </div>
              <Button
                size="small"
                disabled={props.opening !== null}
                onClick={() => props.onOpen(bom)}
                aria-label={`Open ${bom.name}`}
              >
                {props.opening === bom.id ? "Opening…" : "Open"}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {state.status === "ready" && state.total !== null && state.total > state.boms.length && (
        <Caption1>
          {state.boms.length} of {state.total} shown; type part of a name to narrow the list.
        </Caption1>
      )}
    </div>
  );
}
