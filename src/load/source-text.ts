/**
 * A file's text, kept after loading for the little that still reads it: the positions of the
 * few resources with findings (lazy-locate.ts re-parses their documents) and the suppression
 * comments. Kept as it was read, the text of every file is as large as the input itself, a
 * quarter of the memory budget (4 x input). So once a file is parsed:
 * - a regular file of plain ASCII text is left on the disk, where its characters are its bytes:
 *   a position reads just its document's bytes back, after checking that the file is the one
 *   that was read (same inode, size and modification time; else no text, and positions fall
 *   back to the document's first line);
 * - any other large text (UTF-8 beyond ASCII, standard input, a FIFO) is deflated in blocks,
 *   and a position inflates only the blocks its document spans (manifests shrink sevenfold,
 *   for about 1% of the loading time).
 */
import * as fs from 'node:fs';
// process.getBuiltinModule: Node's node:zlib loads on first use, not at every start (issue 19: a
// one-file run never needs it, and loading it is ~1 ms of a cold start).

/** Characters per block: a document's re-parse inflates one or two. */
const BLOCK = 64 * 1024;
/**
 * Texts shorter than this stay as they are. Deflated one by one, the small files of a tree of
 * thousands raised the peak instead (50 MiB in 9,600 files: 469 MiB against 353 MiB): each call
 * allocates outside the heap, and that memory is not all given back.
 */
const PACK_FROM = 256 * 1024;
const DIRECTIVE = 'kubeproof-ignore';

/**
 * Fastest level; a 16 KiB window and small tables: each deflateRawSync call allocates about
 * 40 KiB outside the heap rather than 256 KiB, and manifests still shrink about sevenfold.
 */
const DEFLATE = { level: 1, windowBits: 14, memLevel: 5 };

interface Block {
  /** latin1 when every character is one byte, else utf16le: either way offsets map to bytes exactly. */
  encoding: 'latin1' | 'utf16le';
  data: Uint8Array;
}

/** Which file, as it was when read: a later read checks that it still is. */
export interface DiskFile {
  path: string;
  ino: number;
  size: number;
  mtimeMs: number;
}

/** What crosses from a loader thread: plain data. */
export type PackedText = { directives: boolean } & ({ text: string } | { length: number; blocks: Block[] } | { length: number; disk: DiskFile });

export class SourceText {
  private text: string | undefined;
  private blocks: Block[] | undefined;
  /** Set when the text may be read back from the disk (see pack). */
  private disk: DiskFile | undefined;
  readonly length: number;
  /** Whether the text mentions a suppression directive: only then are its comments read. */
  readonly directives: boolean;

  constructor(text: string) {
    this.text = text;
    this.length = text.length;
    this.directives = text.includes(DIRECTIVE);
  }

  /**
   * Lets the text go, once the file is parsed: to the disk when `disk` is the regular file it
   * was read from (with no CR: the loader's business) and every byte of it is one character
   * (ASCII, no BOM), else deflated when large.
   */
  pack(disk?: DiskFile): this {
    const text = this.text;
    if (text === undefined) return this;
    if (disk && disk.size === text.length) {
      this.disk = disk;
      this.text = undefined;
      return this;
    }
    if (text.length < PACK_FROM) return this;
    const blocks: Block[] = [];
    for (let start = 0; start < text.length; start += BLOCK) {
      const part = text.slice(start, start + BLOCK);
      const encoding = /[^\x00-\xff]/.test(part) ? 'utf16le' : 'latin1';
      blocks.push({ encoding, data: process.getBuiltinModule('node:zlib').deflateRawSync(Buffer.from(part, encoding), DEFLATE) });
    }
    this.blocks = blocks;
    this.text = undefined;
    return this;
  }

  slice(start: number, end: number): string {
    if (this.text !== undefined) return this.text.slice(start, end);
    start = Math.max(0, start);
    end = Math.min(this.length, end);
    if (this.disk) return readBack(this.disk, start, end) ?? '';
    let out = '';
    for (let b = Math.floor(start / BLOCK); b * BLOCK < end; b++) {
      const base = b * BLOCK;
      out += this.block(b).slice(Math.max(0, start - base), end - base);
    }
    return out;
  }

  /** Offset of the start of the line that holds `offset`. */
  lineStart(offset: number): number {
    if (this.text !== undefined) return this.text.lastIndexOf('\n', offset - 1) + 1;
    if (this.disk) {
      for (let end = offset; end > 0; end -= BLOCK) {
        const before = readBack(this.disk, Math.max(0, end - BLOCK), end);
        if (before === undefined) return offset;
        const found = before.lastIndexOf('\n');
        if (found !== -1) return end - before.length + found + 1;
      }
      return 0;
    }
    for (let b = Math.floor((offset - 1) / BLOCK); b >= 0; b--) {
      const base = b * BLOCK;
      const found = this.block(b).lastIndexOf('\n', offset - 1 - base);
      if (found !== -1) return base + found + 1;
    }
    return 0;
  }

  toString(): string {
    return this.slice(0, this.length);
  }

  packed(): PackedText {
    const directives = this.directives;
    if (this.disk) return { length: this.length, disk: this.disk, directives };
    return this.blocks ? { length: this.length, blocks: this.blocks, directives } : { text: this.text ?? '', directives };
  }

  static fromPacked(p: PackedText): SourceText {
    if ('text' in p) return new SourceText(p.text);
    const source = new SourceText('');
    Object.assign(source, { text: undefined, length: p.length, directives: p.directives, ...('disk' in p ? { disk: p.disk } : { blocks: p.blocks }) });
    return source;
  }

  private block(index: number): string {
    if (last?.source === this && last.index === index) return last.text;
    const block = this.blocks![index]!;
    const text = process.getBuiltinModule('node:zlib').inflateRawSync(block.data, { windowBits: DEFLATE.windowBits }).toString(block.encoding);
    last = { source: this, index, text };
    return text;
  }
}

/** The block inflated last, of any file: findings come in runs over one document. One, not one per file. */
let last: { source: SourceText; index: number; text: string } | undefined;

/** Characters [start, end) of a file left on the disk, or undefined when it is no longer the file that was read. */
function readBack(disk: DiskFile, start: number, end: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(disk.path, 'r');
    const now = fs.fstatSync(fd);
    if (!now.isFile() || now.ino !== disk.ino || now.size !== disk.size || now.mtimeMs !== disk.mtimeMs) return undefined;
    const bytes = Buffer.allocUnsafe(end - start);
    let got = 0;
    while (got < bytes.length) {
      const n = fs.readSync(fd, bytes, got, bytes.length - got, start + got);
      if (n === 0) return undefined;
      got += n;
    }
    return bytes.toString('latin1');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
