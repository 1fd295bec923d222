/**
 * "Did you mean …?" for mistyped commands and options. Hand-written: it is a dozen lines of the
 * textbook edit distance, smaller than a dependency.
 */

/**
 * Most edits (insertions, deletions, substitutions, each costing 1) between a typo and a suggestion:
 * 2 catches a dropped or doubled letter and one swap ("derivativ", "gradeint", "--stpe") without
 * suggesting unrelated words.
 *
 * @default 2
 * @example
 * ```ts
 * MAX_SUGGESTION_DISTANCE; // 2
 * ```
 */
export const MAX_SUGGESTION_DISTANCE = 2;

/**
 * The Levenshtein distance between two strings (Wagner–Fischer, one row at a time).
 *
 * @example
 * ```ts
 * editDistance("derivativ", "derivative"); // 1
 * editDistance("gradeint", "gradient"); // 2
 * ```
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost));
    }
    previous = row;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `word` within {@link MAX_SUGGESTION_DISTANCE} edits (the first of equals),
 * or one that `word` is a prefix of, or null.
 *
 * @example
 * ```ts
 * suggest("derivativ", ["derivative", "partial"]); // "derivative"
 * suggest("grad", ["derivative", "gradient"]); // "gradient"
 * suggest("zzz", ["derivative", "partial"]); // null
 * ```
 */
export function suggest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = MAX_SUGGESTION_DISTANCE + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== null) return best;
  const prefixed = candidates.filter((c) => word.length >= 3 && c.startsWith(word));
  return prefixed.length === 1 ? prefixed[0] : null;
}

/**
 * `"; did you mean X?"` for a suggestion, or "".
 *
 * @example
 * ```ts
 * didYouMean("derivativ", ["derivative"]); // '; did you mean "derivative"?'
 * ```
 */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const s = suggest(word, candidates);
  return s === null ? "" : `; did you mean "${s}"?`;
}
