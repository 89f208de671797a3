/**
 * V8's heap, tuned for a large input. V8 lets the heap grow to up to 4 times what was live after
 * its last full collection before it collects again, and a run's live set only grows while it
 * loads, so most of a large run's peak was garbage awaiting collection: 50 MiB of YAML peaked at
 * 390 MiB, 337 MiB with the heap growing by at most a quarter, for no measurable time. But a
 * changed V8 flag changes the flag hash that code caches are checked against, so every
 * validator loaded after it is compiled afresh (src/schema/require-cached.ts): a cold one-file
 * check took 36 ms more CPU. So the flag is set only once the input is known to be large, where
 * those milliseconds vanish. The CLI owns its process (its loader threads share the flag); the
 * library leaves V8 alone.
 */
const LARGE_INPUT_BYTES = 16 * 1024 * 1024;

/** node:v8 is loaded only here, for a large input: its module (and Node's streams behind it) costs a cold one-file check ~2 ms of CPU. */
export function tuneHeapFor(bytes: number): void {
  if (bytes >= LARGE_INPUT_BYTES) process.getBuiltinModule('node:v8').setFlagsFromString('--heap-growing-percent=25');
}
