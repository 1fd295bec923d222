import { describe, expect, it } from "vitest";
import { BOOK_BOX, followBox, initialBox, zoomBox } from "../../web/src/box.js";

describe("explorer two-variable region", () => {
  it("starts at the book's descent view, which holds the book's start (-3, 4)", () => {
    expect(initialBox([-3, 4])).toEqual([
      [-3.5, 3.5],
      [-4.5, 4.5],
    ]);
    expect(BOOK_BOX).toEqual(initialBox([0, 0]));
  });

  it("a point outside grows the region by doubling about its centre until the point is inside", () => {
    expect(initialBox([10, 0])).toEqual([
      [-14, 14],
      [-18, 18],
    ]);
    expect(
      followBox(
        [
          [-1, 1],
          [-1, 1],
        ],
        [3, 0],
      ),
    ).toEqual([
      [-4, 4],
      [-4, 4],
    ]);
  });

  it("a point inside leaves the region as it is", () => {
    const box = [
      [-1, 1],
      [-1, 1],
    ] as const;
    expect(followBox(box, [0.5, -1])).toBe(box);
  });

  it("zoom keeps the anchor point fixed on both axes", () => {
    expect(
      zoomBox(
        [
          [-2, 2],
          [-2, 2],
        ],
        [1, 1],
        0.5,
      ),
    ).toEqual([
      [-0.5, 1.5],
      [-0.5, 1.5],
    ]);
  });
});
