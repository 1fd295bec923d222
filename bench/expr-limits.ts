/**
 * The formula layer's worst cases through the real command (issue 12): each runs in its own process
 * under /usr/bin/time, giving CPU seconds, peak resident memory and the exit status. The target is
 * at most 10 s of CPU and 1 GiB on any input of at most 10,000 characters, exit 0 or 2.
 *
 * ```sh
 * npm run build && npx tsx bench/expr-limits.ts
 * ```
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "packages/cli/dist/main.js");

/** The targets of issue 12. */
export const CPU_TARGET_SECONDS = 10;
export const MEMORY_TARGET_MIB = 1024;

const list = (n: number, f: (i: number) => string, sep: string) =>
  Array.from({ length: n }, (_, i) => f(i)).join(sep);
const at = (n: number) => list(n, (i) => `x${i}=${(i + 1) / 100}`, ",");

/** [what, argv after `numdiff`] */
export const WORST_CASES: [string, string[]][] = [
  ["max of 24 arguments", ["derivative", `max(${list(24, (i) => `${i + 1}*x`, ",")})`, "--at", "1"]],
  ["min of 24 arguments", ["derivative", `min(${list(24, (i) => `${i + 1}*x`, ",")})`, "--at", "1"]],
  [
    "nested max, 24 deep",
    ["derivative", "max(".repeat(23) + "1*x" + list(23, (i) => `,${i + 2}*x)`, ""), "--at", "1"],
  ],
  ["x+x+… 1,300 terms", ["derivative", list(1300, () => "x", "+"), "--at", "1"]],
  ["x+…+10, 10,000 characters", ["derivative", "x+".repeat(4999) + "10", "--at", "1"]],
  ["x*x*… 5,000 factors", ["derivative", list(5000, () => "x", "*"), "--at", "1"]],
  [
    "sin nested 200 deep, order 10",
    ["derivative", "sin(".repeat(200) + "x" + ")".repeat(200), "--at", "0.7", "--order", "10"],
  ],
  [
    "sum of sin·cos·exp, 10,000 characters, order 10",
    [
      "derivative",
      list(400, (i) => `sin(x*${i + 1})*cos(x^2/${i + 1})*exp(-x/${i + 1})`, "+")
        .slice(0, 10_000)
        .replace(/\+[^+]*$/, ""),
      "--at",
      "0.7",
      "--order",
      "10",
    ],
  ],
  ["hessian x0^2, 300 variables in --at", ["hessian", "x0^2", "--at", at(300)]],
  ["hessian x0^2, 100 variables", ["hessian", "x0^2", "--at", at(100)]],
  ["hessian, product of 100 variables", ["hessian", list(100, (i) => `x${i}`, "*"), "--at", at(100)]],
  [
    "hessian, 100 variables, 10,000 characters",
    [
      "hessian",
      list(400, (i) => `sin(x${i % 100}*x${(i * 7) % 100})*exp(-x${(i * 3) % 100}/${i + 1})`, "+")
        .slice(0, 10_000)
        .replace(/\+[^+]*$/, ""),
      "--at",
      at(100),
    ],
  ],
  [
    "hessian, 150 nested sines of a product of 100 variables",
    ["hessian", "sin(".repeat(150) + list(100, (i) => `x${i}`, "*") + ")".repeat(150), "--at", at(100)],
  ],
  [
    "gradient, 150 nested sines of a product of 100 variables",
    ["gradient", "sin(".repeat(150) + list(100, (i) => `x${i}`, "*") + ")".repeat(150), "--at", at(100)],
  ],
];

/** Figures of one case. */
export interface LimitResult {
  what: string;
  exit: number | null;
  cpuSeconds: number;
  peakMiB: number;
}

/** Runs one case in its own process under /usr/bin/time. */
export function measure(what: string, argv: string[]): LimitResult {
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S %M", process.execPath, BIN, ...argv], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  const [user, system, kib] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  return { what, exit: r.status, cpuSeconds: user + system, peakMiB: kib / 1024 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (!existsSync(BIN)) throw new Error("build first: npm run build");
  console.log("| case | exit | CPU s | peak MiB |\n|---|---|---|---|");
  for (const [what, argv] of WORST_CASES) {
    const m = measure(what, argv);
    const ok =
      (m.exit === 0 || m.exit === 2) && m.cpuSeconds <= CPU_TARGET_SECONDS && m.peakMiB <= MEMORY_TARGET_MIB;
    console.log(
      `| ${what} | ${m.exit} | ${m.cpuSeconds.toFixed(2)} | ${m.peakMiB.toFixed(0)} |${ok ? "" : " over target"}`,
    );
  }
}
