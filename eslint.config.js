// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "packages/*/dist/**",
      "out/**",
      "bench/out/**",
      "web/dist/**",
      "node_modules/**",
      "coverage/**",
      "scratch-*",
      ".tmp-*",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-eval": "error",
    },
  },
  ...layerRules(),
);

/**
 * The layers' import rules. Each layer is built into its own package (packages/<name>), so a layer
 * reaches another only by package name ("numdiff", "numdiff/book", "@numdiff/expr", …), never by a
 * relative path into its folder (which would bundle a second copy of it), and only downward.
 * src/book is part of the `numdiff` package with src/core, so it may import ../core/ directly.
 */
function layerRules() {
  /** Relative paths into another layer's folder, at any depth. */
  const into = (layers) => layers.flatMap((l) => [`../${l}/*`, `../../${l}/*`, `../../../${l}/*`]);
  const LAYERS = ["core", "book", "bin", "expr", "plot", "parallel", "cli"];
  const rule = (files, allowedRelative, forbidden, message) => ({
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: into(LAYERS.filter((l) => !allowedRelative.includes(l))),
              message: "import another layer by its package name",
            },
            ...(forbidden.length ? [{ group: forbidden, message }] : []),
          ],
        },
      ],
    },
  });
  const NO_DEPS = "core and book have no dependencies and run in browsers";
  return [
    rule(
      ["src/core/**/*.ts"],
      [],
      ["node:*", "mathjs", "d3-*", "@resvg/*", "numdiff", "numdiff/*", "@numdiff/*"],
      NO_DEPS,
    ),
    rule(
      ["src/book/**/*.ts"],
      ["core"],
      ["node:*", "mathjs", "d3-*", "@resvg/*", "numdiff", "numdiff/*", "@numdiff/*"],
      NO_DEPS,
    ),
    rule(
      ["src/bin/**/*.ts"],
      [],
      ["@numdiff/*", "numdiff", "numdiff/*"],
      "the launcher is its own: it loads @numdiff/cli by a name in a variable",
    ),
    rule(["src/expr/**/*.ts"], [], ["@numdiff/*"], "expr imports only numdiff (imports point down)"),
    rule(["src/plot/**/*.ts"], [], ["@numdiff/*"], "plot imports only numdiff (imports point down)"),
    rule(["src/parallel/**/*.ts"], [], ["@numdiff/*"], "parallel imports only numdiff (imports point down)"),
    rule(
      ["src/cli/**/*.ts"],
      [],
      ["@numdiff/parallel", "@numdiff/cli"],
      "cli imports numdiff, @numdiff/expr and @numdiff/plot",
    ),
  ];
}
