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
 * A signal that arrives while a write is under way is queued until the synchronous write is
 * done; then the default action is restored and the signal raised again. Outside writes there is
 * no listener, so Ctrl-C stops a long check at once. One listener per signal serves every write
 * in flight (a run writing several reports, or many in-process runs in a test): a listener per
 * write would pile up past Node's MaxListeners warning before the deferred removals ran.
 */
const pending: NodeJS.Signals[] = [];
let holders = 0;
const onSignal = (signal: NodeJS.Signals) => void pending.push(signal);

function holdSignals(): () => void {
  if (holders++ === 0) for (const s of SIGNALS) process.on(s, onSignal);
  return () =>
    setImmediate(() => {
      if (--holders > 0) return;
      for (const s of SIGNALS) process.removeListener(s, onSignal);
      const signal = pending.shift();
      pending.length = 0;
      if (signal) process.kill(process.pid, signal);
    });
}
