import * as React from "react";
import type { UploadController } from "../upload/controller";
import type { UploadState } from "../upload/uploadMachine";

/** The shared upload controller's state, re-rendering on every step. */
export function useUploadState(controller: UploadController): UploadState {
  return React.useSyncExternalStore(
    (onChange) => controller.subscribe(onChange),
    () => controller.getState(),
  );
}
