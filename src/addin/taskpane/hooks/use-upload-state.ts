import * as React from "react";
import type { UploadController } from "../../runtime/upload/controller";
import type { UploadState } from "../../runtime/upload/upload-machine";

/** The shared upload controller's state, re-rendering on every step. */
export function useUploadState(controller: UploadController): UploadState {
  return React.useSyncExternalStore(
    (onChange) => controller.subscribe(onChange),
    () => controller.getState(),
  );
}
