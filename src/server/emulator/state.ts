/** Everything one running emulator holds: catalogue, credentials, faults, stats, BOMs, programs, jobs. */
import type { Catalogue } from "./catalogue";
import type { EmulatorCredentials, EmulatorStats } from "./contract";
import type { FaultController } from "./faults";
import type { JobRunner } from "./platform/jobs";
import type { ProgramStore } from "./platform/programs/store";
import type { BomStore } from "./platform/store";

export interface EmulatorState {
  catalogue: Catalogue;
  credentials: EmulatorCredentials;
  faults: FaultController;
  stats: EmulatorStats;
  store: BomStore;
  programs: ProgramStore;
  jobs: JobRunner;
}

export function emptyStats(): EmulatorStats {
  return { requests: 0, graphRequests: 0, platformRequests: 0, meteredParts: 0, rejected: 0 };
}
