/**
 * Which declarations a package's users can reach, read by the TypeScript compiler itself (its checker
 * resolves every name, alias and `import("…")` type exactly, where a pattern over the text would guess):
 * the exports of the `exports` map's declaration files, then, transitively, every declaration a reached
 * one names (a parameter's type, a property's type, `typeof x`, a base class, …). What is not reached
 * cannot appear in any public type, so no editor, type check or `tsc` run of a user ever reads it
 * (prune-unreached.ts deletes it).
 *
 * ```sh
 * npm run build   # tsc -b tsconfig.build.json && tsx scripts/package-assets.ts (which calls this)
 * ```
 */
import { normalize } from "node:path";
import ts from "typescript";

/**
 * The compiler options for reading a package's declarations as its users do (`nodenext`, the
 * project's libs and Node's types).
 *
 * @example
 * ```ts
 * READ_OPTIONS.module === ts.ModuleKind.NodeNext; // true
 * ```
 */
export const READ_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: ["node"],
  strict: true,
  noEmit: true,
};

/**
 * The program of a package's entry declarations (paths of .d.ts files) and everything they import.
 *
 * @example
 * ```ts
 * declarationProgram(["packages/numdiff/dist/core/index.d.ts"]).getSourceFiles().length > 100; // true
 * ```
 */
export function declarationProgram(entries: readonly string[]): ts.Program {
  return ts.createProgram(entries, READ_OPTIONS);
}

/**
 * Statements that stay whatever they name: augmentations (`declare global`, `declare module "x"`) and
 * `export =` / `export default` act without being named by anyone.
 *
 * @example
 * ```ts
 * actsUnnamed(ts.factory.createExportAssignment(undefined, false, ts.factory.createIdentifier("x"))); // true
 * ```
 */
export function actsUnnamed(statement: ts.Statement): boolean {
  if (ts.isExportAssignment(statement)) return true;
  return ts.isModuleDeclaration(statement) && !ts.isIdentifier(statement.name);
}

/**
 * The top-level statement holding `node` (a source file is its own).
 *
 * @example
 * ```ts
 * topStatement(file.statements[0].getChildAt(0)) === file.statements[0]; // true
 * ```
 */
export function topStatement(node: ts.Node): ts.Node {
  while (node.parent && !ts.isSourceFile(node.parent)) node = node.parent;
  return node;
}

/**
 * The top-level statements of the declaration files under `root` (a folder path prefix) that the
 * entries reach (see the file comment). Every statement of an entry file is reached.
 *
 * @example
 * ```ts
 * const program = declarationProgram(entries);
 * reachedStatements(program, entries, "packages/numdiff/dist").size; // ≈ 1,300 of ≈ 1,900
 * ```
 */
export function reachedStatements(
  program: ts.Program,
  entries: readonly string[],
  root: string,
): Set<ts.Node> {
  const checker = program.getTypeChecker();
  const under = normalize(root);
  const reached = new Set<ts.Node>();
  const stack: ts.Node[] = [];
  const reach = (node: ts.Node) => {
    if (reached.has(node)) return;
    reached.add(node);
    stack.push(node);
  };
  const reachSymbol = (symbol: ts.Symbol | undefined) => {
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    for (const d of symbol?.declarations ?? []) {
      if (!normalize(d.getSourceFile().fileName).startsWith(under)) continue;
      // A module (`import * as m`, `export * as m`) reaches all it declares.
      if (ts.isSourceFile(d)) d.statements.forEach(reach);
      else reach(topStatement(d));
    }
  };
  for (const file of program.getSourceFiles()) {
    if (!normalize(file.fileName).startsWith(under)) continue;
    for (const statement of file.statements) if (actsUnnamed(statement)) reach(statement);
  }
  for (const entry of entries) {
    const file = program.getSourceFile(entry);
    if (!file) throw new Error(`${entry}: not in the program`);
    for (const statement of file.statements) reach(statement);
    // `export * from "./x.js"` names nothing: the module's exports say what it re-exports.
    const module = checker.getSymbolAtLocation(file);
    if (module) for (const symbol of checker.getExportsOfModule(module)) reachSymbol(symbol);
  }
  const names = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) reachSymbol(checker.getSymbolAtLocation(node));
    ts.forEachChild(node, names);
  };
  const docs = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) reachSymbol(checker.getSymbolAtLocation(node));
    // A `{@link x}` in a kept TSDoc is a link an editor follows: x stays.
    for (const doc of ts.getJSDocCommentsAndTags(node)) {
      if (docs.has(doc)) continue;
      docs.add(doc);
      names(doc);
    }
    ts.forEachChild(node, visit);
  };
  while (stack.length > 0) visit(stack.pop() as ts.Node);
  return reached;
}
