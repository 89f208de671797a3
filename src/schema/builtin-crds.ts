/** kubeproof's own kinds (the NodePool of the node inventory), validated like any custom resource wherever they appear. */
import * as fs from 'node:fs';
import type { Resource } from '../core/index.js';
import { parseManifests } from '../load/index.js';

const DIR = new URL('../../schemas/kubeproof/', import.meta.url);
let loaded: Resource[] | undefined;

export function builtinCrds(): readonly Resource[] {
  loaded ??= fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => parseManifests(fs.readFileSync(new URL(f, DIR), 'utf8'), `schemas/kubeproof/${f}`).resources);
  return loaded;
}
