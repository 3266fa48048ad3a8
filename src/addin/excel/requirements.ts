/**
 * Which Excel API requirement sets the host supports. The manifest asks for ExcelApi 1.9; every
 * call above it goes behind this check with a fallback (a test reads the add-in's calls and
 * their sets from @types/office-js and holds every one to that rule).
 */
export function supportsExcelApi(version: string): boolean {
  try {
    return (
      typeof Office !== "undefined" &&
      Office.context?.requirements?.isSetSupported("ExcelApi", version) === true
    );
  } catch {
    // Outside Office (a browser, a test) there is no host to ask.
    return false;
  }
}
