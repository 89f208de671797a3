// Where the build finds its tools and dependencies: a package's folder as Node resolves a bare
// name from the repository root (root/node_modules, then each parent folder's node_modules),
// read from the file system rather than through require.resolve, which refuses packages whose
// `exports` hide package.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The folder of package `name` as the root resolves it, or undefined when it is not installed. */
export function packageDir(name) {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `name@version` of the installed package, or `name@missing`. */
export function packageVersion(name) {
  const dir = packageDir(name);
  return `${name}@${dir ? JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version : 'missing'}`;
}

/** This repository's package.json. */
export const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
