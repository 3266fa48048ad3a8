/** The Excel fake's charts and table total rows behave as Excel's do where the plan uses them. */
import { createFakeExcel, WorkbookData } from "../../support/excelFake";

function workbookWithData(): WorkbookData {
  const data = new WorkbookData();
  data.addSheet("Plan", [
    ["Line", "Spend", "Share"],
    ["A", 10, 0.5],
    ["B", 10, 1],
  ]);
  return data;
}

describe("Excel fake: charts and total rows", () => {
  it("draws a chart's series from its data and follows setData", async () => {
    const data = workbookWithData();
    await createFakeExcel(data).run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C3"), "Columns");
      chart.name = "Spend";
      chart.series.getItemAt(1).axisGroup = "Secondary";
      await context.sync();
    });
    const [chart] = data.charts;
    expect(chart && data.chartSeries(chart)).toEqual({
      categories: ["A", "B"],
      series: [
        { name: "Spend", values: [10, 10], chartType: "ColumnClustered", axisGroup: "Primary" },
        { name: "Share", values: [0.5, 1], chartType: "ColumnClustered", axisGroup: "Secondary" },
      ],
    });
    await createFakeExcel(data).run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      sheet.charts.getItem("Spend").setData(sheet.getRange("A1:B2"), "Columns");
      await context.sync();
    });
    // New data, and the series' own formats are gone, as in Excel.
    expect(chart && data.chartSeries(chart).series).toEqual([
      { name: "Spend", values: [10], chartType: "ColumnClustered", axisGroup: "Primary" },
    ]);
  });

  it("refuses a series the chart does not have, and a second chart of the same name", async () => {
    const data = workbookWithData();
    const excel = createFakeExcel(data);
    await expect(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Plan");
        const chart = sheet.charts.add("ColumnStacked", sheet.getRange("A1:B3"), "Columns");
        chart.series.getItemAt(1).chartType = "Line";
        await context.sync();
      }),
    ).rejects.toThrow(/ItemNotFound: The chart has no series 1/);
    // As in Excel, a batch is no transaction: the chart added before the failing step stays.
    expect(data.charts).toHaveLength(1);
    await expect(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Plan");
        sheet.charts.add("Line", sheet.getRange("A1:B3"), "Columns").name = "X";
        sheet.charts.add("Line", sheet.getRange("A1:C3"), "Columns").name = "x";
        await context.sync();
      }),
    ).rejects.toThrow(/"x" is not a free chart name/);
  });

  it("a total row takes the empty row below the table; the body stops above it", async () => {
    const data = workbookWithData();
    const excel = createFakeExcel(data);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Plan");
      const table = sheet.tables.add("A1:C3", true);
      table.name = "T";
      table.showTotals = true;
      table.getTotalRowRange().values = [["Total", 20, ""]];
      await context.sync();
    });
    expect(data.values("Plan", "A4:C4")).toEqual([["Total", 20, ""]]);
    const body = await excel.run(async (context) => {
      const range = context.workbook.tables.getItem("T").getDataBodyRange();
      range.load("values");
      await context.sync();
      return range.values;
    });
    expect(body).toEqual([
      ["A", 10, 0.5],
      ["B", 10, 1],
    ]);

    data.setValues("Plan", "E4", [["note"]]);
    data.setValues("Plan", "A8", [
      ["H1", "H2"],
      ["x", "y"],
    ]);
    data.setValues("Plan", "A10", [["in the way"]]);
    await expect(
      excel.run(async (context) => {
        const table = context.workbook.worksheets.getItem("Plan").tables.add("A8:B9", true);
        table.showTotals = true;
        await context.sync();
      }),
    ).rejects.toThrow(/needs an empty row below a table/);
  });
});
