import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROPERTY_SEED } from "./property-seed.js";

describe("the properties' seed (test/property-seed.ts, vitest.config.ts setupFiles)", () => {
  it("is fixed in npm test, so CI checks exactly what passed before it; random only under test:explore", () => {
    const chosen = process.env.FC_SEED;
    const expected = chosen === "random" ? undefined : chosen ? Number(chosen) : PROPERTY_SEED;
    expect(fc.readConfigureGlobal().seed).toBe(expected);
  });
});
