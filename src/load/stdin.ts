/**
 * Standard input, read with a bound. A file on disk says its size before it is read; a pipe
 * does not, and one that never ends (`yes | kubeproof validate -`) would fill memory: reading
 * stops one byte past the limit, which is enough to know the input is over it.
 */
import * as fs from 'node:fs';
import { formatBytes, tooLargeMessage } from './load-file.js';

const CHUNK = 64 * 1024;

/** Reads `fd` to its end, or to `maxBytes + 1` bytes, whichever comes first. */
export function readStdinBounded(maxBytes = Number.POSITIVE_INFINITY, fd = 0): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const buffer = Buffer.allocUnsafe(CHUNK);
  while (total <= maxBytes) {
    let n: number;
    try {
      n = fs.readSync(fd, buffer, 0, Math.min(CHUNK, maxBytes + 1 - total), null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EOF') break; // Windows: the writer closed the pipe
      if (code !== 'EAGAIN') throw err;
      // A non-blocking pipe with nothing in it yet: wait a little, as fs.readFileSync(0) cannot.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      continue;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/**
 * The `file-too-large` message for standard input: its size when it was read whole, else (a
 * bounded read stopped one byte past the limit) that it is more than the limit.
 */
export function stdinTooLargeMessage(size: number, limit: number): string {
  if (size !== limit + 1) return tooLargeMessage(size, limit);
  return `standard input is more than ${limit} bytes, over the ${formatBytes(limit)} limit (--max-file-size): reading stopped there`;
}
