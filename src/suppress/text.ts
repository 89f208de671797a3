/** A `text(file)` for applySuppressions: editor or stdin buffers first, else the file on disk, decoded as the loader decodes it. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSource } from '../load/index.js';

export interface TextReaderOptions {
  /** Directory display paths are relative to (default: process.cwd()). */
  cwd?: string;
  /**
   * Texts by display path that are not to be read from the disk: `<stdin>`, an unsaved editor
   * buffer, a file the loader read already; undefined for one it could not read or decode (a
   * FIFO is not opened twice, /dev/zero not read without end).
   */
  buffers?: ReadonlyMap<string, string | undefined> | Readonly<Record<string, string>>;
}

/** Reads each file once; a file that cannot be read or decoded gives undefined (its comments are not applied). */
export function fileTextReader(options: TextReaderOptions = {}): (file: string) => string | undefined {
  const cwd = options.cwd ?? process.cwd();
  const buffers = options.buffers instanceof Map ? options.buffers : new Map(Object.entries(options.buffers ?? {}));
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (buffers.has(file)) return buffers.get(file);
    if (cache.has(file)) return cache.get(file);
    let text: string | undefined;
    try {
      const absolute = path.resolve(cwd, file);
      // A FIFO or a device is read once, by the loader (its text comes in `buffers`); opened
      // again it would wait for a writer that has gone, or never end (/dev/zero).
      if (!fs.statSync(absolute).isFile()) throw new Error('not a regular file');
      const decoded = decodeSource(fs.readFileSync(absolute), file);
      text = 'text' in decoded ? decoded.text : undefined;
    } catch {
      text = undefined;
    }
    cache.set(file, text);
    return text;
  };
}
