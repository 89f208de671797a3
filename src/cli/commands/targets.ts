/**
 * `check`/`lint` flags that decide what the paths stand for, before anything is loaded:
 * `--kustomize-roots auto` (a directory is its kustomization roots plus its plain manifests)
 * and `--affected` (the paths are changed files, as pre-commit passes them).
 */
import { Option, type Command } from 'commander';
import { affectedTargets } from '../../api/affected.js';
import { expandKustomizeRoots } from '../../api/roots.js';
import { KubeproofError } from '../../core/index.js';

export const KUSTOMIZE_ROOTS_MODES = ['off', 'auto'] as const;

export interface TargetOptions {
  kustomizeRoots?: (typeof KUSTOMIZE_ROOTS_MODES)[number];
  affected?: boolean;
}

export function addTargetOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--kustomize-roots <mode>', 'auto: in each directory, render every kustomization no other one builds (each overlay once) and check the manifests no kustomization reads as they are')
        .choices(KUSTOMIZE_ROOTS_MODES)
        .default('off'),
    )
    .option('--affected', 'the paths are changed files (pre-commit): check the kustomization roots whose builds read each, other manifests as they are; deleted files are skipped');
}

/** The paths check() should receive for these options; unchanged when neither flag is given. */
export function resolveTargets(paths: readonly string[], opts: TargetOptions & { maxFileSize?: number }, cwd: string): string[] {
  if (opts.affected) {
    if (paths.includes('-')) throw new KubeproofError('USAGE', '--affected takes the names of changed files, not - (standard input)');
    return affectedTargets(paths, cwd, { maxFileSize: opts.maxFileSize });
  }
  if (opts.kustomizeRoots === 'auto') return expandKustomizeRoots(paths, cwd, opts.maxFileSize);
  return [...paths];
}
