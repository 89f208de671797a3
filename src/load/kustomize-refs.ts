/**
 * Files a kustomization uses as patches are fragments, not objects to apply: validated on
 * their own they would fail for every field they leave out. Finds them so the loader can
 * skip them with a note; the render stage checks them in place, merged into their targets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { yamlLineBreaks } from './decode.js';
import { isPlainObject } from './identify.js';

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** Absolute patch path -> the kustomization file (absolute) that uses it. */
export function patchFilesOf(kustomizationFiles: readonly string[]): Map<string, string> {
  const patches = new Map<string, string>();
  for (const file of kustomizationFiles) {
    let doc: unknown;
    try {
      doc = parse(yamlLineBreaks(fs.readFileSync(file, 'utf8')), { maxAliasCount: 100 });
    } catch {
      continue; // a broken kustomization is reported when it is loaded or rendered
    }
    if (!isPlainObject(doc)) continue;
    const dir = path.dirname(file);
    const add = (p: unknown) => {
      if (typeof p === 'string' && !p.includes('\n') && /\.(ya?ml|json)$/i.test(p)) patches.set(path.resolve(dir, p), file);
    };
    for (const entry of asList(doc.patches)) if (isPlainObject(entry)) add(entry.path);
    for (const entry of asList(doc.patchesJson6902)) if (isPlainObject(entry)) add(entry.path);
    for (const entry of asList(doc.patchesStrategicMerge)) add(entry);
  }
  return patches;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
