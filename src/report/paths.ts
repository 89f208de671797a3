import * as path from 'node:path';
import type { ReportContext } from './context.js';

/**
 * A report's file name as the repository sees it: relative to `ctx.srcRoot` (POSIX separators)
 * when the run knows its root, as code scanning and GitHub's annotations resolve them; the name
 * as given otherwise. `<stdin>` and other names in angle brackets are not files and stay as they are.
 */
export function repositoryPath(file: string, ctx: Pick<ReportContext, 'cwd' | 'srcRoot'>): string {
  if (!ctx.srcRoot || file.startsWith('<')) return file;
  return path.relative(ctx.srcRoot, path.resolve(ctx.cwd ?? ctx.srcRoot, file)).split(path.sep).join('/');
}
