/**
 * The build's declaration pruning, statement by statement: the constants entry re-exports a few named
 * constants of the engine's modules (`export { FLAT_ROWS } from "./driver.js"`), so driver.d.ts is read,
 * but its functions, its internal types and their TSDoc (the engine's derivations and examples) appear
 * in no public type: the TypeScript checker says which declarations the entry points reach
 * (public-reach.ts), and the build deletes the others, with the imports and re-exports only they used.
 * About 130 kB of numdiff's declarations, in a package issue 11 wants "well under 1 MB"; every
 * declaration a public type names stays, with its TSDoc. The pruned files are then checked by the
 * compiler (declarationErrors): a build whose declarations do not type-check fails.
 *
 * ```sh
 * npm run build   # tsc -b tsconfig.build.json && tsx scripts/package-assets.ts (which calls this)
 * ```
 */
import { writeFileSync } from "node:fs";
import { join, normalize } from "node:path";
import ts from "typescript";
import { typesEntries } from "./prune-declarations.js";
import {
  actsUnnamed,
  declarationProgram,
  READ_OPTIONS,
  reachedStatements,
  topStatement,
} from "./public-reach.js";

/**
 * The symbols that `nodes` name (as written: an imported name is its import's symbol), and those the
 * kept specifiers of their re-exports (`export { a }`) name.
 */
function symbolsUsed(
  nodes: readonly ts.Node[],
  checker: ts.TypeChecker,
  keeps: (s: ts.ExportSpecifier) => boolean,
): Set<ts.Symbol> {
  const out = new Set<ts.Symbol>();
  const add = (symbol: ts.Symbol | undefined) => symbol && out.add(symbol);
  const visit = (node: ts.Node): void => {
    if (ts.isExportSpecifier(node)) {
      if (keeps(node)) add(checker.getExportSpecifierLocalTargetSymbol(node));
      return;
    }
    if (ts.isIdentifier(node)) add(checker.getSymbolAtLocation(node));
    ts.forEachChild(node, visit);
  };
  for (const node of nodes) visit(node);
  return out;
}

/**
 * An import statement with only the names `used` holds, or `""` when none is left; a side-effect
 * import (`import "./x.js"`) stays.
 *
 * @example
 * ```ts
 * keptImport(parse('import { a, type B } from "./x.js";').statements[0], (n) => n.text === "B");
 * // 'import { type B } from "./x.js";'
 * ```
 */
export function keptImport(statement: ts.ImportDeclaration, used: (name: ts.Identifier) => boolean): string {
  const clause = statement.importClause;
  if (!clause) return statement.getText();
  const parts: string[] = [];
  if (clause.name && used(clause.name)) parts.push(clause.name.text);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings) && used(bindings.name)) parts.push(bindings.getText());
  if (bindings && ts.isNamedImports(bindings)) {
    const names = bindings.elements.filter((e) => used(e.name)).map((e) => e.getText());
    if (names.length > 0) parts.push(`{ ${names.join(", ")} }`);
  }
  if (parts.length === 0) return "";
  const typeOnly = clause.isTypeOnly ? "type " : "";
  return `import ${typeOnly}${parts.join(", ")} from ${statement.moduleSpecifier.getText()};`;
}

/**
 * A re-export statement (`export { a, b } from "./x.js"` or `export { a }`) with only the names whose
 * declarations `keeps`, or `""` when none is left; `export *` and `export {}` stay.
 *
 * @example
 * ```ts
 * keptReexport(statement, (s) => s.name.text === "a"); // 'export { a } from "./x.js";'
 * ```
 */
export function keptReexport(
  statement: ts.ExportDeclaration,
  keeps: (s: ts.ExportSpecifier) => boolean,
): string {
  const clause = statement.exportClause;
  if (!clause || !ts.isNamedExports(clause) || clause.elements.length === 0) return statement.getText();
  const names = clause.elements.filter(keeps).map((e) => e.getText());
  if (names.length === 0) return "";
  const from = statement.moduleSpecifier ? ` from ${statement.moduleSpecifier.getText()}` : "";
  return `export ${statement.isTypeOnly ? "type " : ""}{ ${names.join(", ")} }${from};`;
}

/**
 * The text of one declaration file without its statements outside `reached`, nor the imports and
 * re-exports that only those used (see the file comment).
 *
 * @example
 * ```ts
 * prunedText(program.getSourceFile("dist/core/driver.d.ts"), reached, checker); // its constants only
 * ```
 */
export function prunedText(
  file: ts.SourceFile,
  reached: ReadonlySet<ts.Node>,
  checker: ts.TypeChecker,
): string {
  const keeps = (s: ts.ExportSpecifier) => {
    const local = checker.getExportSpecifierLocalTargetSymbol(s);
    const target = local && local.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(local) : local;
    // A module re-exported as a namespace (`export { ns }`) was reached whole.
    return (target?.declarations ?? []).some((d) => ts.isSourceFile(d) || reached.has(topStatement(d)));
  };
  const text = new Map<ts.Statement, string>();
  for (const s of file.statements) {
    if (ts.isImportDeclaration(s)) continue;
    if (reached.has(s) || actsUnnamed(s)) text.set(s, s.getText());
    else if (ts.isExportDeclaration(s)) text.set(s, keptReexport(s, keeps));
  }
  const kept = [...text].filter(([, t]) => t !== "").map(([s]) => s);
  const used = symbolsUsed(kept, checker, keeps);
  const usedName = (name: ts.Identifier) => {
    const symbol = checker.getSymbolAtLocation(name);
    return symbol !== undefined && used.has(symbol);
  };
  let out = "";
  let at = 0;
  for (const s of file.statements) {
    const kept = ts.isImportDeclaration(s) ? keptImport(s, usedName) : (text.get(s) ?? "");
    if (kept !== "") out += file.text.slice(at, s.getStart()) + kept;
    at = s.getEnd();
  }
  return out + file.text.slice(at);
}

/** A package to prune: its folder and its manifest's `exports` map. */
export interface Prunable {
  dir: string;
  exports: unknown;
}

/**
 * Deletes, in the declaration files each package's `exports` types reach, the statements no entry
 * point of that package reaches (see the file comment); returns the bytes removed per package folder,
 * and the program read (declarationErrors reuses its unchanged files). One program reads all the
 * packages: the libraries' and Node's declarations, most of the time spent, are read once. The entry
 * files stay as they are.
 *
 * @example
 * ```ts
 * pruneUnreached([{ dir: "packages/numdiff", exports: manifest.exports }]).removed; // Map { … => ≈ 117,000 }
 * ```
 */
export function pruneUnreached(packages: readonly Prunable[]): {
  removed: Map<string, number>;
  program: ts.Program;
} {
  const entries = packages.map((p) => typesEntries(p.dir, p.exports));
  const program = declarationProgram(entries.flat());
  const checker = program.getTypeChecker();
  const removed = new Map<string, number>();
  packages.forEach(({ dir }, k) => {
    if (entries[k].length === 0) return;
    const dist = normalize(join(dir, "dist"));
    const reached = reachedStatements(program, entries[k], dist);
    let bytes = 0;
    for (const file of program.getSourceFiles()) {
      const path = normalize(file.fileName);
      if (!path.startsWith(dist) || entries[k].includes(path)) continue;
      const pruned = prunedText(file, reached, checker);
      if (pruned === file.text) continue;
      writeFileSync(path, pruned);
      bytes += Buffer.byteLength(file.text) - Buffer.byteLength(pruned);
    }
    removed.set(dir, bytes);
  });
  return { removed, program };
}

/**
 * The compiler's errors in the declaration files the packages' `exports` types reach, read as a user's
 * `skipLibCheck: false` project reads them, by package folder (packages without errors left out); a
 * fresh checker reads the files as they are on disk, `old` (a program that read them before) lends the
 * files that did not change.
 *
 * @example
 * ```ts
 * declarationErrors([{ dir: "packages/numdiff", exports: manifest.exports }]); // Map {} after npm run build
 * ```
 */
export function declarationErrors(packages: readonly Prunable[], old?: ts.Program): Map<string, string[]> {
  const entries = packages.flatMap((p) => typesEntries(p.dir, p.exports));
  const out = new Map<string, string[]>();
  if (entries.length === 0) return out;
  const program = ts.createProgram(entries, READ_OPTIONS, undefined, old);
  for (const file of program.getSourceFiles()) {
    const owner = packages.find((p) => normalize(file.fileName).startsWith(normalize(join(p.dir, "dist"))));
    if (!owner) continue;
    for (const d of [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]) {
      const at = d.start === undefined ? "" : `:${file.getLineAndCharacterOfPosition(d.start).line + 1}`;
      const list = out.get(owner.dir) ?? [];
      list.push(`${file.fileName}${at}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
      out.set(owner.dir, list);
    }
  }
  return out;
}
