/**
 * Reading a file once, and never more of it than the size limit. A FIFO, a character device
 * (/dev/stdin, /dev/zero) or a pipe has no size to check beforehand and can be read only
 * once: its bytes are read in chunks from one open, and reading stops one byte past the
 * limit, so an endless stream is refused instead of filling memory.
 */
import * as fs from 'node:fs';

export type BoundedRead = { bytes: Buffer; stat: fs.Stats } | { tooLarge: { size?: number } };

const CHUNK = 1024 * 1024;

/** The bytes of `file`, or how it is over `limit`. */
export function readBounded(file: string, limit: number): BoundedRead {
  const fd = openForReading(file);
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: 'EISDIR' });
    // A regular file says its size: one that is too large is refused without reading it.
    if (stat.isFile() && stat.size > limit) return { tooLarge: { size: stat.size } };
    // Size 0 may mean "not known" (a /proc file): read as a stream.
    if (stat.isFile() && stat.size > 0) return { bytes: readFile(fd, stat.size), stat };
    const bytes = readAtMost(fd, limit + 1);
    return bytes.length > limit ? { tooLarge: {} } : { bytes, stat };
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}

/**
 * An open descriptor for `file`. /dev/stdin names descriptor 0, and when that is a socket (as
 * Node's own child processes get it) it cannot be opened by name (ENXIO): it is read as it is.
 */
function openForReading(file: string): number {
  try {
    return fs.openSync(file, 'r');
  } catch (err) {
    if (isStandardInput(file)) return 0;
    throw err;
  }
}

function isStandardInput(file: string): boolean {
  try {
    const named = fs.statSync(file);
    const stdin = fs.fstatSync(0);
    return named.dev === stdin.dev && named.ino === stdin.ino;
  } catch {
    return false;
  }
}

/** A regular file: its size in one buffer, as fs.readFileSync reads it (less if it shrank meanwhile). */
function readFile(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let total = 0;
  while (total < size) {
    const n = readSome(fd, bytes.subarray(total));
    if (n === 0) break;
    total += n;
  }
  return total === size ? bytes : bytes.subarray(0, total);
}

/** A stream (standard input, a FIFO, a device): read until its end, or until `max` bytes are read. */
export function readAtMost(fd: number, max: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let chunk = Buffer.allocUnsafe(CHUNK);
  while (total < max) {
    const n = readSome(fd, chunk.subarray(0, Math.min(CHUNK, max - total)));
    if (n === 0) break;
    // A pipe gives 64 KiB a read: copied out, so the next read reuses the buffer instead of pinning 1 MiB per read.
    if (n === CHUNK) {
      chunks.push(chunk);
      chunk = Buffer.allocUnsafe(CHUNK);
    } else chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

/** fs.readSync, waiting out EAGAIN: standard input may be a non-blocking pipe or terminal. */
function readSome(fd: number, into: Buffer): number {
  for (;;) {
    try {
      return fs.readSync(fd, into, 0, into.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EOF') return 0;
      if (code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}
