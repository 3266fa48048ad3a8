/** Which backend the add-in uses, the user's own keys if any, and a connection test. */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { PlugConnected20Regular } from "@fluentui/react-icons";
import type { HealthResponse } from "../../../core/api";
import type { ConnectionChoice } from "../../runtime/connection";
import type { ConnectionTestResult } from "../../runtime/connection-test";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  keys: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export function ConnectionPanel(props: {
  choice: ConnectionChoice;
  health: HealthResponse | null;
  onSave(choice: ConnectionChoice): Promise<ConnectionTestResult>;
}): React.JSX.Element {
  const styles = useStyles();
  const [draft, setDraft] = React.useState(props.choice);
  const [testing, setTesting] = React.useState(false);
  const [result, setResult] = React.useState<ConnectionTestResult | null>(null);
  React.useEffect(() => setDraft(props.choice), [props.choice]);

  const set = (patch: Partial<ConnectionChoice>) =>
    setDraft((current) => ({ ...current, ...patch }));
  const serverLabel =
    props.health?.mode === "cofactr"
      ? "The add-in server's Cofactr connection"
      : "The built-in demo backend (simulated Cofactr)";
  const needsToken = props.health?.gateway_token_required === true || draft.gatewayToken !== "";

  const save = async () => {
    setTesting(true);
    setResult(null);
    try {
      setResult(await props.onSave(draft));
    } finally {
      setTesting(false);
    }
  };

  return (
    <div className={styles.panel}>
      <Field label="Connect through">
        <RadioGroup
          value={draft.mode}
          onChange={(_, data) => set({ mode: data.value as ConnectionChoice["mode"] })}
        >
          <Radio value="server" label={serverLabel} />
          <Radio value="ownKeys" label="My own Cofactr keys" />
        </RadioGroup>
      </Field>
      {draft.mode === "ownKeys" && (
        <div className={styles.keys}>
          <Field label="Knowledge Graph client id">
            <Input
              value={draft.graphClientId}
              onChange={(_, d) => set({ graphClientId: d.value })}
            />
          </Field>
          <Field label="Knowledge Graph API key">
            <Input
              type="password"
              value={draft.graphApiKey}
              onChange={(_, d) => set({ graphApiKey: d.value })}
            />
          </Field>
          <Field
            label="Platform API key"
            hint="Kept in this add-in's storage on this computer, never in the workbook."
          >
            <Input
              type="password"
              value={draft.platformApiKey}
              onChange={(_, d) => set({ platformApiKey: d.value })}
            />
          </Field>
        </div>
      )}
      {needsToken && (
        <Field
          label="Gateway access token"
          hint="From your administrator: this server holds Cofactr keys."
        >
          <Input
            type="password"
            value={draft.gatewayToken}
            onChange={(_, d) => set({ gatewayToken: d.value })}
          />
        </Field>
      )}
      <Button icon={<PlugConnected20Regular />} disabled={testing} onClick={() => void save()}>
        {testing ? "Testing…" : "Save and test connection"}
      </Button>
      {result && (
        <MessageBar intent={result.ok ? "success" : "error"} layout="multiline">
          <MessageBarBody>{result.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
