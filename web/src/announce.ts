/**
 * A polite screen-reader announcer: the text of an aria-live region is set only once the numbers
 * have stopped changing for a moment, so dragging the point is not read out step by step.
 */

/**
 * Quiet time before an announcement: long enough to skip the steps of a drag or a held arrow key,
 * short enough to follow a single key press at once.
 *
 * @default 400 (ms)
 * @example
 * ```ts
 * ANNOUNCE_DELAY_MS; // 400
 * ```
 */
export const ANNOUNCE_DELAY_MS = 400;

/**
 * Returns `say(text)`, which writes `text` into the live region after {@link ANNOUNCE_DELAY_MS} of
 * quiet (the latest text wins).
 *
 * @example
 * ```ts
 * const say = announcer(document.getElementById("summary-1d")!);
 * say("At x = 5: …"); // read out 400 ms later unless replaced
 * ```
 */
export function announcer(region: HTMLElement): (text: string) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (text: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (region.textContent !== text) region.textContent = text;
    }, ANNOUNCE_DELAY_MS);
  };
}
