/**
 * One upload at a time for the whole shared runtime: the ribbon's Upload BOM and the task pane
 * drive and watch the same controller (the runtime services hold the one instance).
 */
import type { BomSheetSettings } from "../../excel/workbook-access";
import { followJob, runUpload, type UploadDeps, type UploadInput } from "./run-upload";
import { IDLE, isBusy, uploadReducer, type UploadEvent, type UploadState } from "./upload-machine";

type Listener = (state: UploadState) => void;

export class UploadController {
  private state: UploadState = IDLE;
  private readonly listeners = new Set<Listener>();
  private abort: AbortController | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: UploadDeps) {}

  getState(): UploadState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private dispatch = (event: UploadEvent): void => {
    const next = uploadReducer(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener(next);
  };

  /** Starts an upload unless one is running; resolves when it has ended (or was left). */
  upload(prepare: () => Promise<UploadInput>): Promise<void> {
    if (isBusy(this.state) && this.running) return this.running;
    this.dispatch({ type: "start", sheetName: null });
    const abort = new AbortController();
    this.abort = abort;
    this.running = runUpload(prepare, this.deps, this.dispatch, abort.signal).finally(() => {
      if (this.abort === abort) this.abort = null;
    });
    return this.running;
  }

  /** Follows the sheet's last job if it had not finished (the pane was closed meanwhile). */
  resume(sheetName: string, settings: BomSheetSettings): Promise<void> | null {
    const job = settings.lastJob;
    if (!job || job.finished || isBusy(this.state)) return null;
    this.dispatch({ type: "resume", sheetName, jobId: job.id });
    const abort = new AbortController();
    this.abort = abort;
    this.running = followJob(sheetName, job.id, this.deps, this.dispatch, abort.signal).finally(
      () => {
        if (this.abort === abort) this.abort = null;
      },
    );
    return this.running;
  }

  /** Stops following (Cofactr keeps processing); the state goes back to idle. */
  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.running = null;
    this.state = IDLE;
    for (const listener of this.listeners) listener(IDLE);
  }

  reset(): void {
    this.dispatch({ type: "reset" });
  }
}
