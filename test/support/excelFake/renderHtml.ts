/**
 * A sheet of the Excel fake drawn as an HTML page, for the browser test's screenshots: the cells
 * as a grid (tables with their header and total rows styled, number formats applied) and each
 * chart as an SVG from its series, placed over the cells it covers as Excel would show it.
 */
import { parseAddress } from "../../../src/addin/excel/a1";
import type { ChartData, FakeCellValue, SheetData, WorkbookData } from "./workbookData";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);
}

/** The few number formats the add-in writes, applied as Excel shows them. */
export function formatCell(value: FakeCellValue, format: string): string {
  if (typeof value !== "number") return String(value);
  const decimals = /0\.(0+)/.exec(format)?.[1]?.length ?? 0;
  if (format.endsWith("%")) return `${(value * 100).toFixed(decimals)}%`;
  if (format === "General") return String(value);
  return value.toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: format.includes(","),
  });
}

const COLORS = ["#0f6cbd", "#e3008c", "#8764b8", "#c19c00", "#00b7c3", "#498205"];

function numbers(values: FakeCellValue[]): number[] {
  return values.map((value) => (typeof value === "number" ? value : 0));
}

/** One chart as SVG: columns (clustered or stacked) and line series on a secondary axis. */
export function chartSvg(data: WorkbookData, chart: ChartData, width = 520, height = 300): string {
  const { categories, series } = data.chartSeries(chart);
  const pad = { left: 48, right: 44, top: 36, bottom: 84 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const columnSeries = series.filter((s) => s.chartType !== "Line");
  const lineSeries = series.filter((s) => s.chartType === "Line");
  const stacked = chart.chartType === "ColumnStacked";
  const perCategory = categories.map((_, i) => columnSeries.map((s) => numbers(s.values)[i] ?? 0));
  const primaryMax = Math.max(
    1e-9,
    ...perCategory.map((values) =>
      stacked ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values),
    ),
  );
  const secondaryMax = Math.max(1e-9, ...lineSeries.flatMap((s) => numbers(s.values)));
  const slot = plotW / Math.max(1, categories.length);
  const parts: string[] = [];
  parts.push(
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="600">${escape(chart.title)}</text>`,
  );
  parts.push(
    `<line x1="${pad.left}" y1="${pad.top + plotH}" x2="${pad.left + plotW}" y2="${pad.top + plotH}" stroke="#999"/>`,
  );
  for (const fraction of [0, 0.5, 1]) {
    const y = pad.top + plotH - fraction * plotH;
    parts.push(
      `<text x="${pad.left - 4}" y="${y + 4}" text-anchor="end" font-size="10">${escape(formatCell(primaryMax * fraction, "#,##0"))}</text>`,
    );
    if (lineSeries.length > 0) {
      parts.push(
        `<text x="${pad.left + plotW + 4}" y="${y + 4}" font-size="10">${Math.round(secondaryMax * fraction * 100)}%</text>`,
      );
    }
  }
  categories.forEach((category, i) => {
    const values = perCategory[i] ?? [];
    const barW = stacked ? slot * 0.6 : (slot * 0.7) / Math.max(1, values.length);
    let stackTop = 0;
    values.forEach((value, s) => {
      const h = (value / primaryMax) * plotH;
      const x = stacked
        ? pad.left + i * slot + slot * 0.2
        : pad.left + i * slot + slot * 0.15 + s * barW;
      const y = pad.top + plotH - h - (stacked ? stackTop : 0);
      if (stacked) stackTop += h;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[s % COLORS.length]}"/>`,
      );
    });
    const labelX = pad.left + i * slot + slot / 2;
    const label = String(category).slice(0, 18);
    parts.push(
      `<text transform="translate(${labelX.toFixed(1)},${pad.top + plotH + 10}) rotate(35)" font-size="9">${escape(label)}</text>`,
    );
  });
  lineSeries.forEach((s, index) => {
    const points = numbers(s.values)
      .map((value, i) => {
        const x = pad.left + i * slot + slot / 2;
        const y = pad.top + plotH - (value / secondaryMax) * plotH;
        return `${x.toFixed(1)},${y.toFixed(1)}`;
      })
      .join(" ");
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${COLORS[(columnSeries.length + index) % COLORS.length]}" stroke-width="2"/>`,
    );
  });
  const legend = series
    .map(
      (s, i) =>
        `<span class="key"><i style="background:${COLORS[i % COLORS.length]}"></i>${escape(s.name)}${s.axisGroup === "Secondary" ? " (right axis)" : ""}</span>`,
    )
    .join(" ");
  return `<figure class="chart" data-chart="${escape(chart.name)}"><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join("")}</svg><figcaption>${legend}</figcaption></figure>`;
}

/** Which table cell a sheet cell is: header, total row, body, or none. */
function tableRole(data: WorkbookData, sheet: SheetData, row: number, column: number): string {
  for (const table of data.tables) {
    if (table.sheet !== sheet) continue;
    const { coords } = table;
    if (
      row < coords.row ||
      row >= coords.row + coords.rows ||
      column < coords.column ||
      column >= coords.column + coords.columns
    )
      continue;
    if (row === coords.row) return "th";
    if (table.showTotals && row === coords.row + coords.rows - 1) return "total";
    return (row - coords.row) % 2 === 0 ? "band" : "body";
  }
  return "";
}

/** The sheet as a page: charts first (as placed), then the cells, at most `maxRows` rows. */
export function renderSheetHtml(data: WorkbookData, sheetName: string, maxRows = 80): string {
  const sheet = data.requireSheet(sheetName);
  const used = sheet.usedCoords(true);
  const charts = data.charts.filter((chart) => chart.sheet === sheet);
  const chartRows = new Set<number>();
  for (const chart of charts) {
    if (!chart.position) continue;
    const from = parseAddress(chart.position.from);
    const to = parseAddress(chart.position.to);
    for (let r = from.firstRow - 1; r < to.firstRow; r += 1) chartRows.add(r);
  }
  const rows: string[] = [];
  const lastRow = used ? Math.min(used.row + used.rows, maxRows) : 0;
  const columns = used ? used.column + used.columns : 0;
  let chartsDrawn = false;
  for (let r = 0; r < lastRow; r += 1) {
    if (chartRows.has(r)) {
      if (!chartsDrawn) {
        rows.push(
          `<tr><td colspan="${columns + 1}" class="charts">${charts.map((chart) => chartSvg(data, chart)).join("")}</td></tr>`,
        );
        chartsDrawn = true;
      }
      continue;
    }
    const cells: string[] = [`<td class="rowno">${r + 1}</td>`];
    for (let c = 0; c < columns; c += 1) {
      const cell = sheet.cell(r, c);
      const text = cell ? formatCell(cell.value, cell.numberFormat) : "";
      const role = tableRole(data, sheet, r, c);
      const numeric = typeof cell?.value === "number" ? " num" : "";
      // Text outside tables (titles, the preamble) runs on over empty cells, as in Excel.
      const kind = role === "" ? "free" : role;
      cells.push(`<td class="${kind}${numeric}">${escape(text)}</td>`);
    }
    rows.push(`<tr>${cells.join("")}</tr>`);
  }
  const more =
    used && used.row + used.rows > maxRows
      ? `<p class="more">… ${used.row + used.rows - maxRows} more rows</p>`
      : "";
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(sheetName)}</title><style>
body{font:12px "Segoe UI",Arial,sans-serif;margin:8px;color:#222}
h1{font-size:14px;margin:0 0 6px}
table{border-collapse:collapse}
td{border:1px solid #e1e1e1;padding:2px 6px;white-space:nowrap;max-width:260px;overflow:hidden;text-overflow:ellipsis}
td.free{overflow:visible;text-overflow:clip}
td.rowno{background:#f3f3f3;color:#777;text-align:right}
td.num{text-align:right}
td.th{background:#0f6cbd;color:#fff;font-weight:600}
td.band{background:#dbe9f7}
td.total{font-weight:700;border-top:2px solid #0f6cbd}
td.charts{border:none;padding:8px 0}
.chart{display:inline-block;margin:0 16px 0 0;border:1px solid #ccc;background:#fff}
figcaption{padding:4px 8px;font-size:11px}
.key{margin-right:10px}.key i{display:inline-block;width:10px;height:10px;margin-right:4px}
.more{color:#777}
</style></head><body><h1>${escape(sheetName)} (in-memory workbook, as Excel would show it)</h1><table>${rows.join("")}</table>${more}</body></html>`;
}
