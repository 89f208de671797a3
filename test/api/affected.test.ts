import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { affectedTargets, findRepoRoot } from '../../src/api/affected.js';
import { tempTree } from '../helpers.js';
import { repo } from './repo-fixture.js';

/** The repository of roots.test.ts, made a git work tree (affectedTargets scans from the folder holding .git). */
function gitRepo(extra: Record<string, string> = {}): string {
  const dir = repo(extra);
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

describe('affectedTargets', () => {
  it('checks a base file through every overlay that builds it', () => {
    const dir = gitRepo();
    expect(affectedTargets(['base/deploy.yaml'], dir)).toEqual(['overlays/a', 'overlays/b']);
    expect(affectedTargets(['base/kustomization.yaml'], dir)).toEqual(['overlays/a', 'overlays/b']);
    expect(affectedTargets(['base/app.conf'], dir)).toEqual(['overlays/a', 'overlays/b']); // a generator input
  });

  it('checks a patch or a component through the overlays using it only', () => {
    const dir = gitRepo();
    expect(affectedTargets(['overlays/a/patch.yaml'], dir)).toEqual(['overlays/a']);
    expect(affectedTargets(['components/extra/extra.yaml'], dir)).toEqual(['overlays/b']);
    expect(affectedTargets(['standalone/Kustomization', 'standalone/s.yaml'], dir)).toEqual(['standalone']);
  });

  it('follows overlays of overlays to the root', () => {
    const dir = gitRepo({ 'prod/kustomization.yaml': 'resources:\n- ../overlays/a\n' });
    expect(affectedTargets(['base/svc.yaml'], dir)).toEqual(['overlays/b', 'prod']);
    expect(affectedTargets(['overlays/a/patch.yaml'], dir)).toEqual(['prod']);
  });

  it('checks other manifests as they are; skips deleted files, non-manifests and helper YAML no kustomization lists', () => {
    const dir = gitRepo();
    expect(affectedTargets(['plain/cm.yaml'], dir)).toEqual(['plain/cm.yaml']);
    expect(affectedTargets(['base/stray.yaml'], dir)).toEqual(['base/stray.yaml']);
    expect(affectedTargets(['base/values.yaml', 'plain/notes.txt', 'deleted.yaml', 'base/gone.yaml'], dir)).toEqual([]);
    // Hidden folders are not walked for roots, but a staged file there is still a manifest to check...
    expect(affectedTargets(['.hidden/x.yaml'], dir)).toEqual(['.hidden/x.yaml']);
    // ...and a staged kustomization there is rendered.
    fs.writeFileSync(path.join(dir, '.hidden', 'kustomization.yaml'), 'resources:\n- x.yaml\n');
    expect(affectedTargets(['.hidden/kustomization.yaml'], dir)).toEqual(['.hidden']);
  });

  it('lists each target once, sorted, whatever the order of the files', () => {
    const dir = gitRepo();
    const files = ['plain/cm.yaml', 'base/deploy.yaml', 'overlays/a/patch.yaml', 'base/svc.yaml', 'components/extra/extra.yaml'];
    const expected = ['overlays/a', 'overlays/b', 'plain/cm.yaml'];
    expect(affectedTargets(files, dir)).toEqual(expected);
    expect(affectedTargets([...files].reverse(), dir)).toEqual(expected);
  });

  it('scans from the repository root when run from a subfolder, and answers relative to cwd', () => {
    const dir = gitRepo();
    const cwd = path.join(dir, 'base');
    // Outside cwd: absolute, as the loader shows such paths.
    expect(affectedTargets(['deploy.yaml'], cwd)).toEqual(['overlays/a', 'overlays/b'].map((p) => path.join(fs.realpathSync(dir), p)));
    expect(affectedTargets(['deploy.yaml'], cwd, { repoRoot: cwd })).toEqual(['.']); // scanning base/ alone: base is its own root
  });

  it('treats a directory as --kustomize-roots auto does', () => {
    const dir = gitRepo();
    expect(affectedTargets(['overlays'], dir)).toEqual(['overlays/a', 'overlays/b']);
  });
});

describe('findRepoRoot', () => {
  it('is the nearest folder holding .git (a file in worktrees), or cwd', () => {
    const dir = tempTree({ 'a/b/c.yaml': '', 'a/.git': 'gitdir: /elsewhere\n' });
    expect(findRepoRoot(path.join(dir, 'a', 'b'))).toBe(path.join(dir, 'a'));
    const bare = tempTree({ 'x/y.yaml': '' });
    expect(findRepoRoot(path.join(bare, 'x'))).toBe(path.join(bare, 'x'));
  });
});
