/**
 * Recalculates the workbook so every COFACTR formula runs again (non-volatile custom functions
 * only re-run on a recalculation or when an argument changes). A full recalculation is the only
 * Office.js way to reach every COFACTR cell; it recomputes the other formulas too, which is
 * cheap next to the lookups.
 */
export async function recalculateWorkbook(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}
