/**
 * Real Excel is not in CI, but its requirement sets can be checked: every Excel API the add-in
 * calls (and every Excel value type a custom function returns) is listed with its requirement
 * set, read from the `[Api set: …]` annotations of @types/office-js through the TypeScript
 * compiler. One above the manifest's ExcelApi MinVersion must sit behind an
 * `isSetSupported("ExcelApi", …)` guard (or `supportsExcelApi(…)`) that has a fallback: an else
 * branch, the other side of a conditional, or an early return before it.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const ADDIN = path.join(ROOT, "src", "addin");
const FIXTURES = path.join(ROOT, "test", "fixtures", "requirement-sets");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const manifestMin = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\s*\/>/.exec(
  fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"),
)?.[1];

/** Negative, zero or positive as version a is below, at or above b ("1.13" > "1.9"). */
function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

interface ApiUse {
  file: string;
  line: number;
  /** e.g. "Range.getMergedAreasOrNullObject" or "EntityCellValue (returned)". */
  api: string;
  /** e.g. "ExcelApi 1.13" */
  set: string;
  guarded: boolean;
}

interface RequiredSet {
  name: string;
  version: string;
}

function isOfficeJs(declaration: ts.Declaration): boolean {
  return declaration.getSourceFile().fileName.includes("@types/office-js");
}

/** The declaration's namespaces, outermost first, e.g. ["Excel"]. */
function namespacesOf(node: ts.Node): string[] {
  const names: string[] = [];
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isModuleDeclaration(at)) names.unshift(at.name.getText());
  }
  return names;
}

/** The first `[Api set: Name x.y` of a declaration's doc comment, or of its container's. */
function requiredSet(declaration: ts.Node): RequiredSet | null {
  for (let at: ts.Node | undefined = declaration; at && !ts.isSourceFile(at); at = at.parent) {
    const text = at.getSourceFile().text;
    const comment = text.slice(at.getFullStart(), at.getStart());
    const match = /\[Api set: (\w+) ([\d.]+)/.exec(comment);
    if (match?.[1] && match[2]) return { name: match[1], version: match[2] };
    if (ts.isModuleDeclaration(at)) return null;
  }
  return null;
}

/** An API object's member (a class's), an enum value or a function such as Excel.run; not a
 * field of a plain data shape (interfaces: cell values, card layouts, load options). */
function isApi(declaration: ts.Node): boolean {
  const parent = declaration.parent;
  return (
    ts.isClassDeclaration(parent) ||
    ts.isEnumDeclaration(parent) ||
    ts.isFunctionDeclaration(declaration) ||
    ts.isEnumDeclaration(declaration)
  );
}

function containerName(declaration: ts.Node): string {
  for (let at = declaration.parent; at; at = at.parent) {
    if (
      (ts.isClassDeclaration(at) || ts.isInterfaceDeclaration(at) || ts.isEnumDeclaration(at)) &&
      at.name
    ) {
      return at.name.text;
    }
  }
  return "Excel";
}

/** The version a guard expression proves, when `expression` is one (negated when `!guard`). */
function guardOf(expression: ts.Expression): { version: string; negated: boolean } | null {
  let node = expression;
  let negated = false;
  while (ts.isParenthesizedExpression(node) || ts.isPrefixUnaryExpression(node)) {
    if (ts.isPrefixUnaryExpression(node)) {
      if (node.operator !== ts.SyntaxKind.ExclamationToken) return null;
      negated = !negated;
      node = node.operand;
    } else {
      node = node.expression;
    }
  }
  if (!ts.isCallExpression(node)) return null;
  const callee = node.expression.getText();
  const args = node.arguments.map((arg) => (ts.isStringLiteral(arg) ? arg.text : null));
  if (/(?:^|\.)isSetSupported$/.test(callee) && args[0] === "ExcelApi" && args[1]) {
    return { version: args[1], negated };
  }
  if (/(?:^|\.)supportsExcelApi$/.test(callee) && args[0]) return { version: args[0], negated };
  return null;
}

function proves(expression: ts.Expression, version: string, negated: boolean): boolean {
  const guard = guardOf(expression);
  return (
    guard !== null && guard.negated === negated && compareVersions(guard.version, version) >= 0
  );
}

/** A statement that leaves its block: return or throw, or a block ending with one. */
function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

/** An earlier statement of the same block: `if (!guard) { fallback; return }`. */
function earlyReturnBefore(statement: ts.Node, version: string): boolean {
  const block = statement.parent;
  if (!block || !(ts.isBlock(block) || ts.isSourceFile(block))) return false;
  const statements = block.statements as ts.NodeArray<ts.Statement>;
  const index = statements.indexOf(statement as ts.Statement);
  return statements
    .slice(0, Math.max(0, index))
    .some(
      (earlier) =>
        ts.isIfStatement(earlier) &&
        proves(earlier.expression, version, true) &&
        exits(earlier.thenStatement),
    );
}

/** Whether a use of `version` sits behind a guard with a fallback. */
function isGuarded(node: ts.Node, version: string): boolean {
  for (let child: ts.Node = node, at = node.parent; at; child = at, at = at.parent) {
    if (
      ts.isIfStatement(at) &&
      child === at.thenStatement &&
      at.elseStatement !== undefined &&
      proves(at.expression, version, false)
    ) {
      return true;
    }
    if (ts.isConditionalExpression(at) && child === at.whenTrue) {
      if (proves(at.condition, version, false)) return true;
    }
    if (ts.isStatement(child) && earlyReturnBefore(child, version)) return true;
    if (ts.isFunctionLike(at)) return false;
  }
  return false;
}

function isCustomFunction(node: ts.FunctionDeclaration): boolean {
  return ts.getJSDocTags(node).some((tag) => tag.tagName.text === "customfunction");
}

function scan(files: string[]): ApiUse[] {
  const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];

  const record = (node: ts.Node, declaration: ts.Declaration, api: string, returned: boolean) => {
    if (!isOfficeJs(declaration) || namespacesOf(declaration)[0] !== "Excel") return;
    const set = requiredSet(declaration);
    if (!set) return;
    const source = node.getSourceFile();
    const above = set.name !== "ExcelApi" || compareVersions(set.version, manifestMin ?? "1.1") > 0;
    uses.push({
      file: path.relative(ROOT, source.fileName),
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      api: returned ? `${api} (returned)` : api,
      set: `${set.name} ${set.version}`,
      guarded: !above || (set.name === "ExcelApi" && isGuarded(node, set.version)),
    });
  };

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not compiled: ${file}`);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const declaration = symbol?.declarations?.[0];
        if (declaration && isApi(declaration)) {
          record(node, declaration, `${containerName(declaration)}.${node.name.text}`, false);
        }
      }
      // A custom function handing Excel a value type (entity cards) needs its set too; the
      // guard belongs in the function, before the value is made.
      if (ts.isFunctionDeclaration(node) && node.type && node.body && isCustomFunction(node)) {
        const body = node.body.statements[node.body.statements.length - 1] ?? node.body;
        const visitType = (type: ts.Node): void => {
          if (ts.isTypeReferenceNode(type)) {
            const symbol = checker.getSymbolAtLocation(type.typeName);
            const declaration = symbol?.declarations?.[0];
            if (declaration) record(body, declaration, type.typeName.getText(), true);
          }
          ts.forEachChild(type, visitType);
        };
        visitType(node.type);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

const unguarded = (uses: ApiUse[]) =>
  uses
    .filter((use) => !use.guarded)
    .map((use) => `${use.file}:${use.line} ${use.api} needs ${use.set}`);

describe("Excel requirement sets", () => {
  let uses: ApiUse[];
  let fixtures: ApiUse[];
  beforeAll(() => {
    // One program for both: compiling office-js's types takes a while.
    const all = scan([...sourceFiles(ADDIN), ...sourceFiles(FIXTURES)]);
    const inFixtures = (use: ApiUse) => use.file.startsWith(path.relative(ROOT, FIXTURES));
    uses = all.filter((use) => !inFixtures(use));
    fixtures = all.filter(inFixtures);
  }, 180_000);

  it("reads the manifest's ExcelApi MinVersion", () => {
    expect(manifestMin).toMatch(/^1\.\d+$/);
  });

  it("lists every Excel API the add-in calls, with its requirement set", () => {
    const listing = [...new Set(uses.map((use) => `${use.api}: ${use.set}`))].sort();
    // The scan reaches every layer that touches Excel: workbook access, recalculation, the
    // entity card a function returns.
    expect(listing).toEqual(
      expect.arrayContaining([
        "Range.getMergedAreasOrNullObject: ExcelApi 1.13",
        "Worksheet.getRangeByIndexes: ExcelApi 1.7",
        "TableCollection.getItemOrNullObject: ExcelApi 1.4",
        "Application.calculate: ExcelApi 1.1",
        "Excel.EntityCellValue (returned): ExcelApi 1.16",
      ]),
    );
    expect(listing.length).toBeGreaterThan(30);
  });

  it(`guards every API above the manifest's ExcelApi ${manifestMin} and has a fallback`, () => {
    expect(unguarded(uses)).toEqual([]);
  });

  it("tells a guarded call with a fallback from an unguarded one", () => {
    expect(unguarded(fixtures).map((line) => line.replace(/^.*\//, ""))).toEqual([
      "unguarded.ts:6 Range.getMergedAreasOrNullObject needs ExcelApi 1.13",
      "unguarded.ts:12 Range.getMergedAreasOrNullObject needs ExcelApi 1.13",
      "unguarded.ts:19 Range.getMergedAreasOrNullObject needs ExcelApi 1.13",
    ]);
    const accepted = fixtures.filter((use) => use.file.endsWith("/guarded.ts"));
    expect(accepted.map((use) => [use.line, use.guarded])).toEqual([
      [6, true],
      [14, true],
      [18, true],
    ]);
  });
});
