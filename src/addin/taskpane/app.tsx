/** The task pane: the BOM's mapping, its upload with progress, results and the connection. */
import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowSync20Regular } from "@fluentui/react-icons";
import type { BomIssue, BomReadResult } from "../../core/bom/types";
import type { BomSheet } from "../runtime/bom/load-bom-sheet";
import { toUploadInput } from "../runtime/bom/load-bom-sheet";
import { checkBomAvailability } from "../runtime/programs/check-availability";
import { AvailabilityPanel } from "./components/availability-panel";
import { BomDetailsForm } from "./components/bom-details-form";
import { CofactrBomsTab } from "./components/cofactr-boms-tab";
import { ConnectionPanel } from "./components/connection-panel";
import { IssuesList } from "./components/issues-list";
import { LinePreview } from "./components/line-preview";
import { MappingView } from "./components/mapping-view";
import { PaneHeader } from "./components/pane-header";
import { ResultsPanel } from "./components/results-panel";
import { Section } from "./components/section";
import { SplitPrompt } from "./components/split-prompt";
import { UploadPanel } from "./components/upload-panel";
import { useBomSheet } from "./hooks/use-bom-sheet";
import { useConnection } from "./hooks/use-connection";
import { useUploadState } from "./hooks/use-upload-state";
import {
  besideDataPlacement,
  besideDataState,
  writeResults,
  type ResultsDestination,
} from "../runtime/results/write-results";
import type { RuntimeServices } from "../runtime/services";
import { officeTheme } from "./theme";
import { PlanTab } from "./plan/plan-tab";

const useStyles = makeStyles({
  root: { minHeight: "100%", display: "flex", flexDirection: "column" },
  // Five tabs wrap onto a second line in a narrow pane rather than widen it.
  tabs: {
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
  },
  sheetLine: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
});

type PaneTab = "bom" | "upload" | "plan" | "cofactr" | "connection";

function errorCount(issues: BomIssue[]): number {
  return issues.filter((issue) => issue.severity === "error").length;
}

/** What was read, after the sheet's name. */
function readSummary(read: BomReadResult | null, pasted: boolean): string {
  if (pasted) return ", text pasted into one column";
  if (!read) return "";
  const header = read.headerRow ? `, header on row ${read.headerRow}` : ", no header row";
  return `${header}, ${read.lines.length} lines`;
}

export function Pane(props: { services: RuntimeServices }): React.JSX.Element {
  const { services } = props;
  const styles = useStyles();
  const bom = useBomSheet(services.workbook);
  const upload = useUploadState(services.uploads);
  const connection = useConnection(services);
  const [tab, setTab] = React.useState<PaneTab>(upload.phase === "running" ? "upload" : "bom");

  const sheet: BomSheet | null = bom.state.status === "ready" ? bom.state.sheet : null;
  const read = bom.state.status === "ready" ? bom.state.read : null;
  // Pasted text in one column: no mapping to show until it is split into columns.
  const split = bom.state.status === "ready" ? bom.state.split : null;

  // A job still running when the pane was closed is followed again.
  React.useEffect(() => {
    if (sheet) void services.uploads.resume(sheet.region.sheetName, sheet.settings);
  }, [sheet, services.uploads]);

  // The ribbon's Upload BOM shows its progress here, or the problems that stopped it.
  const stoppedOnMapping = upload.phase === "failed" && upload.failure.kind === "mapping";
  React.useEffect(() => {
    if (upload.phase === "running") setTab("upload");
    if (stoppedOnMapping) setTab("bom");
  }, [upload.phase, stoppedOnMapping]);

  const selectIssue = React.useCallback(
    (issue: BomIssue) => {
      if (!sheet || !read) return;
      const fieldColumn = issue.field ? read.mapping.fields[issue.field].column : null;
      const column =
        issue.column ??
        (fieldColumn === null ? sheet.region.firstColumn : sheet.region.firstColumn + fieldColumn);
      services.workbook
        .selectCell(sheet.region.sheetName, issue.row, column)
        .catch(() => undefined);
    },
    [services.workbook, sheet, read],
  );

  const startUpload = () => {
    if (!sheet || !read || !bom.details) return;
    const input = toUploadInput(sheet, read, bom.details);
    void services.uploads.upload(async () => input);
  };

  const bomId = upload.phase === "done" ? upload.summary.bomId : (sheet?.settings.bomId ?? null);
  const beside = sheet && read ? besideDataPlacement(sheet.region, read) : null;
  const errors = read && !split ? errorCount(read.issues) : 0;
  const splitFrom =
    sheet && bom.splitDone?.to === sheet.region.sheetName ? bom.splitDone.from : null;

  const write = async (destination: ResultsDestination) => {
    if (!sheet || !read || !bom.details || !bomId) throw new Error("Upload the BOM first.");
    const written = await writeResults(
      services.api,
      services.workbook,
      {
        region: sheet.region,
        read,
        details: bom.details,
        bomId,
      },
      destination,
    );
    return written.updated
      ? `Updated the table ${written.tableName} with ${written.rows} lines (${written.address}).`
      : `Wrote ${written.rows} lines to ${written.address} (table ${written.tableName}).`;
  };

  let bomTab: React.ReactNode;
  if (bom.state.status === "loading") {
    bomTab = <Spinner label="Reading the active sheet…" />;
  } else if (bom.state.status === "empty") {
    bomTab = (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          The active sheet is empty. Open the sheet with your BOM, then read it again.
        </MessageBarBody>
      </MessageBar>
    );
  } else if (bom.state.status === "error") {
    bomTab = (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{bom.state.message}</MessageBarBody>
      </MessageBar>
    );
  } else if (sheet && split) {
    bomTab = (
      <Section title="Pasted text">
        <SplitPrompt
          sheetName={sheet.region.sheetName}
          column={sheet.region.firstColumn}
          split={split}
          onSplit={bom.splitIntoColumns}
        />
      </Section>
    );
  }

  return (
    <div className={styles.root}>
      <PaneHeader health={connection.health} healthFailed={connection.healthFailed} />
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as PaneTab)}
        aria-label="Cofactr pane sections"
        size="small"
      >
        <Tab value="bom">{errors > 0 ? `BOM (${errors} to fix)` : "BOM"}</Tab>
        <Tab value="upload">Upload</Tab>
        <Tab value="plan">Plan</Tab>
        <Tab value="cofactr">From Cofactr</Tab>
        <Tab value="connection">Connection</Tab>
      </TabList>
      <main className={styles.body}>
        <div className={styles.sheetLine}>
          <Body1>
            {sheet ? (
              <>
                Sheet <strong>{sheet.region.sheetName}</strong>
                {readSummary(read, split !== null)}
              </>
            ) : (
              "No BOM read yet"
            )}
          </Body1>
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowSync20Regular />}
            onClick={() => void bom.reload()}
            aria-label="Re-read the active sheet"
          >
            Re-read
          </Button>
        </div>

        {tab === "bom" &&
          (bomTab ??
            (sheet && read && (
              <>
                {splitFrom !== null && (
                  <MessageBar intent="success" layout="multiline">
                    <MessageBarBody>
                      The pasted text of <strong>{splitFrom}</strong> is split into columns on this
                      new sheet; <strong>{splitFrom}</strong> is unchanged.
                    </MessageBarBody>
                  </MessageBar>
                )}
                <Section title="Column mapping">
                  <Caption1>Each field is filled from the column chosen here.</Caption1>
                  <MappingView
                    grid={sheet.region.values}
                    firstColumn={sheet.region.firstColumn}
                    read={read}
                    onChange={bom.setOverride}
                  />
                </Section>
                <Section title="Preview">
                  <LinePreview read={read} />
                </Section>
                <Section title={`Problems (${read.issues.length})`}>
                  <IssuesList issues={read.issues} onSelect={selectIssue} />
                </Section>
              </>
            )))}

        {tab === "upload" && (
          <>
            {bom.details && (
              <Section title="BOM details">
                <BomDetailsForm
                  details={bom.details}
                  disabled={upload.phase === "running"}
                  onChange={bom.setDetails}
                />
              </Section>
            )}
            <Section title="Upload to Cofactr">
              <UploadPanel
                state={upload}
                canUpload={Boolean(sheet && read && !split)}
                blockedReason={
                  split
                    ? "This sheet is a BOM pasted as text: split it into columns on the BOM tab first."
                    : errors > 0
                      ? `${errors} problems on the BOM tab stop the upload.`
                      : undefined
                }
                onUpload={startUpload}
                onStop={() => services.uploads.stop()}
                onShowProblems={() => setTab("bom")}
              />
            </Section>
            <Section title="Availability in Cofactr">
              <AvailabilityPanel
                bomId={bomId}
                check={(signal) =>
                  bomId
                    ? checkBomAvailability(services.programs, bomId, {
                        buildQuantity: bom.details?.buildQuantity,
                        signal,
                      })
                    : Promise.reject(new Error("Upload the BOM first."))
                }
              />
            </Section>
            <Section title="Results in the workbook">
              <ResultsPanel
                bomId={bomId}
                besideAddress={beside ? `${sheet?.region.sheetName}!${beside.address}` : null}
                checkBeside={async () =>
                  sheet && read
                    ? besideDataState(services.workbook, sheet.region, read)
                    : "occupied"
                }
                write={write}
                refresh={services.refreshLookups}
              />
            </Section>
          </>
        )}

        {tab === "plan" && <PlanTab deps={services} sheet={sheet} read={read} />}

        {tab === "cofactr" && <CofactrBomsTab deps={services.bomLibrary} />}

        {tab === "connection" && (
          <Section title="Connection">
            <ConnectionPanel
              choice={connection.choice}
              health={connection.health}
              onSave={connection.save}
            />
          </Section>
        )}
      </main>
    </div>
  );
}

export function App(props: { services: RuntimeServices }): React.JSX.Element {
  return (
    <FluentProvider theme={officeTheme()} style={{ minHeight: "100%" }}>
      <Pane services={props.services} />
    </FluentProvider>
  );
}
