import * as fs from 'node:fs';
import * as path from 'node:path';
import { KubeproofError } from '../core/index.js';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Writes a report so that readers never see half of it, without ever destroying what the path
 * names. A regular file (or a path not there yet) gets a temporary file in the same directory,
 * then a rename, which is atomic on POSIX file systems; the file keeps its permissions. A
 * symbolic link is followed: its target is written the same way and the link stays a link.
 * Anything else — a character device (/dev/null, /dev/stdout's terminal), a FIFO, a socket —
 * is written into directly, as a shell's `>` would: renaming over it would replace the system's
 * device node (as root, in a CI container) and a FIFO's reader would get nothing.
 * Ctrl-C during the write is held back until it is done (then the process ends as the signal
 * says), so an interrupted run leaves either the whole report or none, and never a temporary file.
 */
export function writeFileAtomic(target: string, contents: string): void {
  const release = holdSignals();
  try {
    const real = realTarget(target);
    if (real.kind === 'special') writeInto(target, contents);
    else renameOver(real.path, contents, real.mode, target);
  } finally {
    release();
  }
}

type Target = { kind: 'file'; path: string; mode?: number } | { kind: 'special' };

/** What `target` finally names, links followed: a regular file (or nothing yet), or a special file. */
function realTarget(target: string): Target {
  let st: fs.Stats;
  try {
    st = fs.statSync(target); // follows links
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw writeError(target, err);
    // Nothing there, or a link to nothing: create what the link points at, as `>` would.
    return { kind: 'file', path: danglingLinkTarget(target) ?? target };
  }
  if (st.isDirectory()) throw new KubeproofError('INPUT', `cannot write ${target}: is a directory`);
  if (!st.isFile()) return { kind: 'special' };
  return { kind: 'file', path: fs.realpathSync(target), mode: st.mode & 0o7777 };
}

function danglingLinkTarget(target: string): string | undefined {
  try {
    return path.resolve(path.dirname(target), fs.readlinkSync(target));
  } catch {
    return undefined; // not a link
  }
}

function renameOver(file: string, contents: string, mode: number | undefined, shown: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    fs.writeFileSync(temp, contents, { flag: 'wx', ...(mode !== undefined && { mode }) });
    if (mode !== undefined) fs.chmodSync(temp, mode); // the umask narrowed the mode given at creation
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw writeError(shown, err);
  }
}

function writeInto(target: string, contents: string): void {
  try {
    fs.writeFileSync(target, contents);
  } catch (err) {
    throw writeError(target, err);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such directory',
  ENOSPC: 'no space left on device',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  EDQUOT: 'disk quota exceeded',
};

function writeError(target: string, err: unknown): KubeproofError {
  const code = (err as NodeJS.ErrnoException).code;
  const reason = (code && REASONS[code]) ?? (err as Error).message;
  return new KubeproofError('INPUT', `cannot write ${target}: ${reason}`, { cause: err });
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
