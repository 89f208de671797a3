#!/usr/bin/env node
import * as v8 from 'node:v8';
import { readStdin } from '../load/index.js';
import { run } from './program.js';

// Memory bounded by design: V8 lets the heap grow to up to 4 times what was live after its last
// full collection before collecting again, and a run's live set only grows while it loads, so
// most of its peak was garbage awaiting collection (50 MiB of YAML: 390 MiB peak, 337 MiB with
// this). Growing by at most a quarter costs no measurable time. The CLI owns its process (and its
// worker threads share the flag); the library leaves V8 alone.
v8.setFlagsFromString('--heap-growing-percent=25');

// The yaml parser reads process.env.LOG_TOKENS for every token it sees, and each read of the
// real environment object is a call into C++: a plain copy makes large runs ~15% faster.
// The CLI owns its process; the library leaves process.env alone.
process.env = { ...process.env };

// A closed pipe (`kubeproof ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

// No top-level await: the build bundles this entry as CommonJS to run it from V8's code cache
// (scripts/bundle-cli.mjs).
void run(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin,
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
