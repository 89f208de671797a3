/** File system questions whose failure is an answer: a path that cannot be read is not a directory, and resolves to itself. */
import * as fs from 'node:fs';

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function realPathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
