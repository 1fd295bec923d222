// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
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
  {
    files: ["src/core/**/*.ts", "src/book/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "mathjs", "d3-*", "@resvg/*"],
              message: "core and book have no dependencies and run in browsers",
            },
          ],
        },
      ],
    },
  },
);
