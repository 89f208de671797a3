import * as fs from 'node:fs';
import * as path from 'node:path';
import { KubeproofError } from '../core/index.js';

/**
 * Writes a report so that readers never see half of it: a temporary file in the same
 * directory, then a rename, which is atomic on POSIX file systems.
 */
export function writeFileAtomic(target: string, contents: string): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(temp, contents, { flag: 'wx' });
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (err as Error).message;
    throw new KubeproofError('INPUT', `cannot write ${target}: ${reason}`, { cause: err });
  }
}
