/** The connection choice (from the add-in's storage), the server's health, and saving. */
import * as React from "react";
import type { HealthResponse } from "../../../core/api";
import { loadConnection, saveConnection, type ConnectionChoice } from "../../runtime/connection-store";
import { testConnection, type ConnectionTestResult } from "../../runtime/connection-test";
import type { PaneServices } from "../../runtime/services";

export interface ConnectionModel {
  choice: ConnectionChoice;
  health: HealthResponse | null;
  healthFailed: boolean;
  save(choice: ConnectionChoice): Promise<ConnectionTestResult>;
}

export function useConnection(services: PaneServices): ConnectionModel {
  const [choice, setChoice] = React.useState(() => loadConnection(services.storage));
  const [health, setHealth] = React.useState<HealthResponse | null>(null);
  const [healthFailed, setHealthFailed] = React.useState(false);

  React.useEffect(() => {
    services.applyConnection(loadConnection(services.storage));
    let live = true;
    services.api.health().then(
      (response) => live && setHealth(response),
      () => live && setHealthFailed(true),
    );
    return () => {
      live = false;
    };
  }, [services]);

  const save = React.useCallback(
    async (next: ConnectionChoice) => {
      saveConnection(services.storage, next);
      setChoice(next);
      services.applyConnection(next);
      const result = await testConnection(services.api, next);
      setHealthFailed(result.health === null);
      if (result.health) setHealth(result.health);
      return result;
    },
    [services],
  );

  return { choice, health, healthFailed, save };
}
