/**
 * The command line as a process: standard streams, environment and exit code around run().
 * Not run directly: the build bundles it with its dependencies into dist/cli/kubeproof.cjs,
 * which the executable (./main.cts) loads.
 */
import { readStdin } from '../load/index.js';
import { run } from './program.js';

// The yaml parser reads process.env.LOG_TOKENS for every token it sees, and each read of the
// real environment object is a call into C++: a plain copy makes large runs ~15% faster.
// The CLI owns its process; the library leaves process.env alone.
process.env = { ...process.env };

// process.stdout is a getter that makes the stream on first use, and with it Node's stream
// modules (~1.5 ms of CPU): a run that writes its reports to files (--output) never makes it.
let stdoutWatched = false;
function stdout(): NodeJS.WriteStream {
  if (!stdoutWatched) {
    stdoutWatched = true;
    // A closed pipe (`kubeproof ... | head`) is not an error worth a stack trace.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  return process.stdout;
}

// No top-level await: the build bundles this module as CommonJS to run it from V8's code cache
// (scripts/bundle-cli.mjs).
void run(process.argv.slice(2), {
  stdout: (text) => void stdout().write(text),
  stderr: (text) => void process.stderr.write(text),
  readStdin,
  cwd: process.cwd(),
  env: process.env,
  get stdoutIsTTY() {
    return stdout().isTTY === true;
  },
}).then((code) => {
  process.exitCode = code;
});
