/**
 * Whether the pane runs inside Excel. Opened in a plain browser, or where office.js could not
 * load, the page shows what it is and how to sideload it (the notice in taskpane.html) instead
 * of a blank page.
 */

/** How long office.js may take to say where it runs before the notice shows. */
export const HOST_DEADLINE_MS = 10_000;

export interface HostWatch {
  /** Inside Excel: render the pane. Called at most once, possibly after `onOutside`. */
  onExcel(): void;
  /** Not (yet) inside Excel: show the notice. */
  onOutside(reason: string): void;
  deadlineMs?: number;
}

interface OfficeLike {
  onReady?: () => Promise<{ host: unknown }>;
  HostType?: { Excel?: unknown };
}

/**
 * Asks office.js where the page runs. No office.js: outside at once. No answer by the deadline:
 * outside for now, and the pane still renders if Excel answers later (a slow start).
 */
export function watchHost(office: OfficeLike | undefined, watch: HostWatch): void {
  if (!office || typeof office.onReady !== "function") {
    watch.onOutside("office.js did not load");
    return;
  }
  const timer = setTimeout(
    () => watch.onOutside("Office did not answer"),
    watch.deadlineMs ?? HOST_DEADLINE_MS,
  );
  office.onReady().then(
    (info) => {
      clearTimeout(timer);
      if (info.host !== null && info.host !== undefined && info.host === office.HostType?.Excel) {
        watch.onExcel();
      } else {
        watch.onOutside("not inside Excel");
      }
    },
    () => {
      clearTimeout(timer);
      watch.onOutside("Office failed to start");
    },
  );
}

/** Shows the page's notice (or hides it again once the pane renders). */
export function showOutsideNotice(visible: boolean, doc: Document = document): void {
  doc.getElementById("outside-excel")?.toggleAttribute("hidden", !visible);
}
