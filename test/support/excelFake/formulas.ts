/**
 * A small formula evaluator for the fake: enough Excel for the results table — numbers, "text",
 * references (A1, $A$1, 'Sheet'!A1), + - * /, and calls such as COFACTR.PRICE(a,,b) answered by
 * a function table (the custom functions registered through CustomFunctions.associate).
 * Errors are Excel error values ("#N/A", "#VALUE!", "#NAME?") and propagate through arithmetic.
 */
import { parseAddress } from "../../../src/addin/excel/a1";
import type { FakeCellValue, SheetData, WorkbookData } from "./workbookData";

type Node =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "ref"; sheet: string | null; row: number; column: number }
  | { kind: "empty" }
  | { kind: "binary"; op: string; left: Node; right: Node }
  | { kind: "call"; name: string; args: Node[] };

const TOKEN =
  /\s*(?:\d+(?:\.\d+)?(?:e[-+]?\d+)?|"(?:[^"]|"")*"|(?:'(?:[^']|'')+'|[A-Z_][\w.]*)!\$?[A-Z]{1,3}\$?\d+|\$?[A-Z]{1,3}\$?\d+(?![\w.(])|[A-Z_][\w.]*(?=\s*\()|[-+*/(),])/iy;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) {
      if (/^\s*$/.test(source.slice(start))) break;
      throw new Error(`Cannot read the formula at "${source.slice(start)}"`);
    }
    tokens.push(match[0].trim());
  }
  return tokens;
}

function parse(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ""));
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];

  function primary(): Node {
    const token = next();
    if (token === undefined) throw new Error("Formula ends too early");
    if (token === "-")
      return { kind: "binary", op: "*", left: { kind: "number", value: -1 }, right: primary() };
    if (token === "(") {
      const inner = expression();
      if (next() !== ")") throw new Error("Missing )");
      return inner;
    }
    if (/^\d/.test(token)) return { kind: "number", value: Number(token) };
    if (token.startsWith('"'))
      return { kind: "text", value: token.slice(1, -1).replace(/""/g, '"') };
    if (peek() === "(" && /^[A-Z_]/i.test(token) && !token.includes("!")) {
      next();
      const args: Node[] = [];
      if (peek() === ")") {
        next();
        return { kind: "call", name: token.toUpperCase(), args };
      }
      for (;;) {
        args.push(peek() === "," || peek() === ")" ? { kind: "empty" } : expression());
        const separator = next();
        if (separator === ")") break;
        if (separator !== ",") throw new Error("Expected , or )");
      }
      return { kind: "call", name: token.toUpperCase(), args };
    }
    const address = parseAddress(token);
    return {
      kind: "ref",
      sheet: address.sheetName,
      row: address.firstRow - 1,
      column: address.firstColumn - 1,
    };
  }

  function term(): Node {
    let node = primary();
    while (peek() === "*" || peek() === "/") {
      const op = next() as string;
      node = { kind: "binary", op, left: node, right: primary() };
    }
    return node;
  }

  function expression(): Node {
    let node = term();
    while (peek() === "+" || peek() === "-") {
      const op = next() as string;
      node = { kind: "binary", op, left: node, right: term() };
    }
    return node;
  }

  const tree = expression();
  if (at !== tokens.length) throw new Error(`Unexpected "${tokens[at]}"`);
  return tree;
}

export type CellFunction = (...args: unknown[]) => unknown;

const isError = (value: unknown): value is string =>
  typeof value === "string" && /^#[A-Z/0!?]+$/.test(value);

/** Excel error value of a thrown custom-function error, e.g. "#N/A". */
function errorValue(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("#") ? code : "#VALUE!";
}

/**
 * Recalculates every formula cell of the workbook, awaiting async functions, with each cell
 * computed once (dependencies first). Returns how many formula cells were computed.
 */
export async function recalculateWorkbook(
  workbook: WorkbookData,
  functions: Record<string, CellFunction>,
): Promise<number> {
  const results = new Map<string, Promise<FakeCellValue>>();

  function cellValue(sheet: SheetData, row: number, column: number): Promise<FakeCellValue> {
    const key = `${sheet.name}!${row},${column}`;
    const known = results.get(key);
    if (known) return known;
    const cell = sheet.cell(row, column);
    const pending: Promise<FakeCellValue> = cell?.formula
      ? evaluateFormula(cell.formula, sheet).then((value) => {
          cell.value = value;
          return value;
        })
      : Promise.resolve(cell?.value ?? "");
    results.set(key, pending);
    return pending;
  }

  async function evaluate(node: Node, sheet: SheetData): Promise<unknown> {
    switch (node.kind) {
      case "number":
      case "text":
        return node.value;
      case "empty":
        return null;
      case "ref": {
        const target = node.sheet ? workbook.sheet(node.sheet) : sheet;
        return target ? cellValue(target, node.row, node.column) : "#REF!";
      }
      case "binary": {
        const [left, right] = await Promise.all([
          evaluate(node.left, sheet),
          evaluate(node.right, sheet),
        ]);
        if (isError(left)) return left;
        if (isError(right)) return right;
        const a = left === "" || left === null ? 0 : Number(left);
        const b = right === "" || right === null ? 0 : Number(right);
        if (Number.isNaN(a) || Number.isNaN(b)) return "#VALUE!";
        if (node.op === "*") return a * b;
        if (node.op === "/") return b === 0 ? "#DIV/0!" : a / b;
        return node.op === "+" ? a + b : a - b;
      }
      case "call": {
        const fn = functions[node.name];
        if (!fn) return "#NAME?";
        const args = await Promise.all(node.args.map((arg) => evaluate(arg, sheet)));
        const argumentError = args.find(isError);
        if (argumentError) return argumentError;
        try {
          return await fn(...args);
        } catch (error) {
          return errorValue(error);
        }
      }
    }
  }

  async function evaluateFormula(formula: string, sheet: SheetData): Promise<FakeCellValue> {
    let tree: Node;
    try {
      tree = parse(formula);
    } catch {
      return "#NAME?";
    }
    // As in Excel, "=A1" shows 0 when A1 is empty.
    if (tree.kind === "ref") {
      const target = tree.sheet ? workbook.sheet(tree.sheet) : sheet;
      const cell = target?.cell(tree.row, tree.column);
      if (target && (!cell || (cell.formula === null && cell.value === ""))) return 0;
    }
    const value = await evaluate(tree, sheet);
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
      return value;
    if (value === null || value === undefined) return 0;
    // Entity cards and spilled arrays: the fake keeps their text form.
    return String((value as { text?: unknown }).text ?? JSON.stringify(value));
  }

  let count = 0;
  const work: Promise<FakeCellValue>[] = [];
  for (const sheet of workbook.sheets) {
    for (const [row, line] of sheet.rows) {
      for (const [column, cell] of line) {
        if (!cell.formula) continue;
        count += 1;
        work.push(cellValue(sheet, row, column));
      }
    }
  }
  await Promise.all(work);
  return count;
}
