/**
 * A stand-in for `Office.context.requirements` under jest: the host supports ExcelApi up to
 * `version` (as Excel on the web does today), or none at all, to exercise the fallbacks.
 */
function atMost(version: string, supported: string): boolean {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const [topMajor = 0, topMinor = 0] = supported.split(".").map(Number);
  return major < topMajor || (major === topMajor && minor <= topMinor);
}

/** Installs `Office` with requirement sets up to ExcelApi `supported`; returns the undo. */
export function installExcelApiSupport(supported: string): () => void {
  const holder = globalThis as { Office?: unknown };
  const previous = holder.Office;
  holder.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === "ExcelApi" && atMost(version ?? "1.1", supported),
      },
    },
  };
  return () => {
    holder.Office = previous;
  };
}
