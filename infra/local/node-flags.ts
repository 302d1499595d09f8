/**
 * V8 flags the local runtime runs with (`npm start` writes them out in package.json; the tests and benches
 * that start the runtime as a process take them from here, and a unit test keeps the two equal).
 *
 * Why: under steady random reads V8 let the main thread's committed heap swing between 1.9× and 4× the
 * ~87 MB it kept live after a full GC (164–358 MB), and RSS with it: `bench -- soak` saw RSS fall 35% or
 * grow 35% between minute 1 and minute 10 depending on where the GC cycle stood. Growing the old
 * generation by at most 50% of its live size per cycle, and the young generation to 8 MB semi-spaces
 * instead of 16, held RSS within 3% over the same soak at no measurable cost in requests per second.
 */
export const RUNTIME_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=50', '--max-semi-space-size=8'];

/** `node` arguments that run `infra/local/main.ts` as `npm start` does. */
export const RUNTIME_NODE_ARGS: readonly string[] = [
  ...RUNTIME_NODE_FLAGS,
  '--import',
  'tsx',
  'infra/local/main.ts',
];
