import * as fs from 'node:fs';
import * as path from 'node:path';
import { KubeproofError } from '../core/index.js';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Writes a report so that readers never see half of it: a temporary file in the same
 * directory, then a rename, which is atomic on POSIX file systems. Ctrl-C during the write is
 * held back until the rename is done (then the process ends as the signal says), so an
 * interrupted run leaves either the whole report or none, and never a temporary file.
 */
export function writeFileAtomic(target: string, contents: string): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const release = holdSignals();
  try {
    fs.writeFileSync(temp, contents, { flag: 'wx' });
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (err as Error).message;
    throw new KubeproofError('INPUT', `cannot write ${target}: ${reason}`, { cause: err });
  } finally {
    release();
  }
}

/**
 * A signal that arrives while a listener exists is queued until the synchronous write is done;
 * the listener then restores the default action and raises the signal again. Outside writes
 * there is no listener, so Ctrl-C stops a long check at once.
 */
function holdSignals(): () => void {
  const pending: NodeJS.Signals[] = [];
  const onSignal = (signal: NodeJS.Signals) => void pending.push(signal);
  for (const s of SIGNALS) process.on(s, onSignal);
  return () =>
    setImmediate(() => {
      for (const s of SIGNALS) process.removeListener(s, onSignal);
      if (pending[0]) process.kill(process.pid, pending[0]);
    });
}
