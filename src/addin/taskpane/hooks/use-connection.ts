/** The connection choice (from the runtime's one store), the server's health, and saving. */
import * as React from "react";
import type { HealthResponse } from "../../../core/api";
import type { ConnectionChoice } from "../../runtime/connection";
import { testConnection, type ConnectionTestResult } from "../../runtime/connection-test";
import type { RuntimeServices } from "../../runtime/services";

export interface ConnectionModel {
  choice: ConnectionChoice;
  health: HealthResponse | null;
  healthFailed: boolean;
  save(choice: ConnectionChoice): Promise<ConnectionTestResult>;
}

export function useConnection(services: RuntimeServices): ConnectionModel {
  const [choice, setChoice] = React.useState(() => services.connection.get());
  const [health, setHealth] = React.useState<HealthResponse | null>(null);
  const [healthFailed, setHealthFailed] = React.useState(false);

  React.useEffect(() => {
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
      // Saved in the store the functions read: their next request carries it.
      services.connection.save(next);
      setChoice(next);
      const result = await testConnection(services.api, next);
      setHealthFailed(result.health === null);
      if (result.health) setHealth(result.health);
      return result;
    },
    [services],
  );

  return { choice, health, healthFailed, save };
}
