/**
 * Writes src/expr/mathjs-names.ts: the names of the full math.js namespace and math.js's unit table
 * (each unit with the prefixes it takes), from the installed math.js:
 *
 *   npx tsx scripts/mathjs-names.ts
 *
 * The formula layer builds math.js from its ESM factories with only the parser (./src/expr/mathjs.ts),
 * so its own instance no longer holds these names; the layer still refuses every name math.js gives a
 * meaning (`gamma`, `phi`, `i`) and still recognises `5 cm` as a unit, as it did with the whole
 * library. test/expr/mathjs-names.test.ts fails when the installed math.js disagrees with this file:
 * then run this script again.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { all, create } from "mathjs";
import { format } from "prettier";

const OUT = fileURLToPath(new URL("../src/expr/mathjs-names.ts", import.meta.url));
const VERSION = (await import("mathjs/package.json", { with: { type: "json" } })).default.version;

/** The same configuration as the formula layer's instance. */
const math = create(all, { number: "number", predictable: true });
const names = Object.keys(math).sort();

const units = (math.Unit as unknown as { UNITS: Record<string, { prefixes: Record<string, unknown> }> })
  .UNITS;
/** The units grouped by the set of prefixes they take: `{ prefixes, units }`, space-separated. */
const groups = new Map<string, string[]>();
for (const name of Object.keys(units).sort()) {
  const prefixes = Object.keys(units[name].prefixes)
    .filter((p) => p !== "")
    .sort()
    .join(" ");
  groups.set(prefixes, [...(groups.get(prefixes) ?? []), name]);
}
const unitGroups = [...groups].map(([prefixes, names]) => ({ prefixes, units: names.join(" ") }));

const source = `/**
 * Names from math.js ${VERSION}, written by scripts/mathjs-names.ts: do not edit, run the script.
 * The formula layer's own math.js instance holds only the parser, so the names of the whole library
 * (which a formula may not use as variables) and its units (\`5 cm\`) are kept here.
 */

/**
 * The math.js version these names come from.
 * @example
 * \`\`\`ts
 * MATHJS_VERSION; // "${VERSION}"
 * \`\`\`
 */
export const MATHJS_VERSION = ${JSON.stringify(VERSION)};

/**
 * Every name in the namespace of a whole math.js instance (functions, constants such as \`i\` and
 * \`phi\`, classes), sorted.
 * @example
 * \`\`\`ts
 * MATHJS_NAMES.includes("gamma"); // true
 * \`\`\`
 */
export const MATHJS_NAMES: readonly string[] = Object.freeze(
  ${JSON.stringify(names.join(" "))}.split(" "),
);

/**
 * math.js's units, grouped by the prefixes they take (space-separated lists; "" for none). A name is
 * a unit when it is one of the units, or one of its prefixes followed by it (\`cm\`, \`kHz\`).
 * @example
 * \`\`\`ts
 * UNIT_GROUPS.some((g) => g.units.split(" ").includes("m") && g.prefixes.split(" ").includes("c")); // true
 * \`\`\`
 */
export const UNIT_GROUPS: readonly { readonly prefixes: string; readonly units: string }[] = Object.freeze(
  ${JSON.stringify(unitGroups)},
);
`;

writeFileSync(OUT, await format(source, { filepath: OUT, printWidth: 110 }));
console.log(
  `wrote ${OUT}: ${names.length} names, ${Object.keys(units).length} units in ${groups.size} prefix groups`,
);
