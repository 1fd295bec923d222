/**
 * Snapshot comparison for figures (after Observable Plot's tests): the SVG must equal the committed
 * test/plot/snapshots/<name>.svg; on a mismatch <name>-changed.svg is written beside it (gitignored)
 * for a look. A missing snapshot is created, except under CI, where it fails.
 */
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const SNAPSHOTS = join(dirname(fileURLToPath(import.meta.url)), "snapshots");

export function expectSnapshot(name: string, svg: string): void {
  const file = join(SNAPSHOTS, `${name}.svg`);
  const changed = join(SNAPSHOTS, `${name}-changed.svg`);
  if (!existsSync(file)) {
    expect(process.env.CI, `snapshot ${name}.svg is missing`).toBeFalsy();
    writeFileSync(file, svg);
    return;
  }
  const expected = readFileSync(file, "utf8");
  if (svg === expected) {
    if (existsSync(changed)) unlinkSync(changed);
    return;
  }
  writeFileSync(changed, svg);
  expect.fail(`${name}.svg differs from the committed snapshot; see ${changed}`);
}
