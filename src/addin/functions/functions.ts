/* Custom functions (namespace COFACTR). The webpack metadata plugin reads the JSDoc tags below
 * to build functions.json and registers each function with CustomFunctions.associate. */

const ADDIN_VERSION = "0.1.0";

/**
 * The version of the Cofactr add-in that computes this workbook's formulas.
 * @customfunction VERSION
 * @helpurl https://localhost:3000/help.html
 * @returns The add-in version, e.g. "0.1.0".
 */
export function version(): string {
  return ADDIN_VERSION;
}
