import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The git work tree holding `cwd` (the nearest directory up with a `.git` directory, or a `.git`
 * file as worktrees and submodules have), else `cwd` itself: what code scanning and GitHub's
 * annotations take file names to be relative to.
 */
export function repositoryRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}
