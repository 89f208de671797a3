/** Where the config is: --config, else the nearest kubeproof.yaml or .kubeproof.yaml up from the working directory. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CONFIG_FILE_NAMES = ['kubeproof.yaml', '.kubeproof.yaml'] as const;

/** The nearest config file at or above `cwd`, as ESLint finds its config; undefined when there is none. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
