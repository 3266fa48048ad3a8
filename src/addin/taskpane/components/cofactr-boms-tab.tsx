/** The "From Cofactr" tab: pick a BOM to open into a new sheet, then work on it. */
import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { BomSummary } from "../../../core/api";
import { openBom, type BomSessionDeps, type OpenedBom } from "../../runtime/boms/bom-session";
import { BomList } from "./bom-list";
import { OpenedBomPanel } from "./opened-bom-panel";
import { Section } from "./section";

export function CofactrBomsTab(props: { deps: BomSessionDeps }): React.JSX.Element {
  const [opened, setOpened] = React.useState<OpenedBom | null>(null);
  const [opening, setOpening] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  const open = async (bom: BomSummary) => {
    setOpening(bom.id);
    setError(null);
    try {
      setOpened(await openBom(props.deps, bom.id));
    } catch (failure) {
      setError(
        `${bom.name} was not opened: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    } finally {
      setOpening(null);
    }
  };

  if (opened) {
    return (
      <OpenedBomPanel
        deps={props.deps}
        opened={opened}
        onChange={setOpened}
        onClose={() => setOpened(null)}
      />
    );
  }
  return (
    <Section title="Open a BOM from Cofactr">
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <BomList api={props.deps.api} opening={opening} onOpen={(bom) => void open(bom)} />
    </Section>
  );
}
