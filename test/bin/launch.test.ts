/**
 * The `numdiff` launcher of the zero-dependency package (src/bin/launch.ts), in-process. The real
 * binary, both with @numdiff/cli installed and without it, runs in test/package/consumer.test.ts.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  CLI_BIN,
  CLI_PACKAGE,
  asksVersion,
  fallbackCommand,
  isMissing,
  launch,
  launcherVersion,
} from "../../src/bin/launch.js";

const VERSION = (JSON.parse(readFileSync("packages/numdiff/package.json", "utf8")) as { version: string })
  .version;

/** The error Node gives for `import("@numdiff/cli")` when the package is not installed. */
const notInstalled = (name: string): Error =>
  Object.assign(
    new Error(`Cannot find package '${name}' imported from /x/node_modules/numdiff/dist/bin/launch.js`),
    {
      code: "ERR_MODULE_NOT_FOUND",
    },
  );

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe("the numdiff launcher", () => {
  it("reads the numdiff package's version", () => {
    expect(launcherVersion()).toBe(VERSION);
  });

  it("answers --version, -V and version, and nothing else, itself", () => {
    for (const flag of ["--version", "-V", "version"]) expect(asksVersion([flag])).toBe(true);
    for (const argv of [[], ["derivative", "--version"], ["--help"], ["-v"]])
      expect(asksVersion(argv)).toBe(false);
  });

  it("falls back to npm exec of @numdiff/cli at its own version, passing the arguments unchanged", () => {
    const argv = ["derivative", "x^2; rm -rf /", "--at", "3"];
    expect(fallbackCommand("0.1.0", argv, undefined)).toEqual({
      command: "npm",
      args: ["exec", "--yes", "--package", `${CLI_PACKAGE}@0.1.0`, "--", CLI_BIN, ...argv],
    });
    // Under npx, npm's own script runs with this Node (no PATH lookup).
    expect(fallbackCommand("0.1.0", ["--help"], "/usr/lib/node_modules/npm/bin/npm-cli.js")).toEqual({
      command: process.execPath,
      args: [
        "/usr/lib/node_modules/npm/bin/npm-cli.js",
        "exec",
        "--yes",
        "--package",
        "@numdiff/cli@0.1.0",
        "--",
        "numdiff-cli",
        "--help",
      ],
    });
    expect(fallbackCommand("0.1.0", [], "/usr/bin/yarn").command).toBe("npm");
  });

  it("treats only a missing @numdiff/cli as missing, not a fault inside an installed one", () => {
    expect(isMissing(notInstalled("@numdiff/cli"))).toBe(true);
    expect(isMissing(notInstalled("mathjs"))).toBe(false);
    expect(isMissing(new Error("Cannot find package '@numdiff/cli'"))).toBe(false);
    expect(isMissing(null)).toBe(false);
    expect(isMissing("ERR_MODULE_NOT_FOUND")).toBe(false);
  });

  it("prints the version without loading the command", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const load = vi.fn(() => Promise.reject(new Error("must not load")));
    await launch(["--version"], load);
    expect(write).toHaveBeenCalledWith(`numdiff ${VERSION}\n`);
    expect(load).not.toHaveBeenCalled();
  });

  it("hands the arguments to an installed @numdiff/cli", async () => {
    const runAsProcess = vi.fn(() => Promise.resolve());
    await launch(["gradient", "x0*x1", "--at", "x0=1,x1=2"], () => Promise.resolve({ runAsProcess }));
    expect(runAsProcess).toHaveBeenCalledWith(["gradient", "x0*x1", "--at", "x0=1,x1=2"]);
  });

  it("lets a fault inside an installed @numdiff/cli through", async () => {
    const fault = notInstalled("d3-dsv");
    await expect(launch(["derivative", "x", "--at", "1"], () => Promise.reject(fault))).rejects.toBe(fault);
  });
});
