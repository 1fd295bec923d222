/** Shared by the async tests: an async f whose calls come back out of order. */

/** f answering after a pseudo-random number of ticks (0 to 3, from `seed`): calls come back out of order. */
export function later<A, R>(f: (a: A) => R, seed: number): (a: A) => Promise<R> {
  let k = seed;
  return async (a) => {
    k = (k * 1103515245 + 12345) % 2147483648;
    for (let t = k % 4; t > 0; t--) await new Promise((r) => setTimeout(r, 0));
    return f(a);
  };
}
