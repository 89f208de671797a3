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
import { DEFAULT_MAX_FILE_SIZE } from './load-file.js';

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export interface PatchFiles {
  /** Absolute patch path -> the kustomization file (absolute) that uses it. */
  used: Map<string, string>;
  /**
   * Absolute path -> where a kustomization names it only in a comment, as a patch left disabled
   * (kubebuilder's `#- path: cert_metrics_manager_patch.yaml`): a fragment all the same.
   */
  commented: Map<string, { kustomization: string; line: number }>;
}

/** The patches the kustomizations use, and those they name in a comment as disabled patches. */
export function patchFilesOf(kustomizationFiles: readonly string[], maxFileSize = DEFAULT_MAX_FILE_SIZE): PatchFiles {
  const patches = new Map<string, string>();
  const commented = new Map<string, { kustomization: string; line: number }>();
  for (const file of kustomizationFiles) {
    let doc: unknown;
    let text: string;
    try {
      // One over the size limit is not read here either: loading it reports file-too-large.
      if (fs.statSync(file).size > maxFileSize) continue;
      text = yamlLineBreaks(fs.readFileSync(file, 'utf8'));
      doc = parse(text, { maxAliasCount: 100 });
    } catch {
      continue; // a broken kustomization is reported when it is loaded or rendered
    }
    if (!isPlainObject(doc)) continue;
    const dir = path.dirname(file);
    text.split('\n').forEach((line, i) => {
      const named = commentedPatch(line);
      if (named && !commented.has(path.resolve(dir, named))) commented.set(path.resolve(dir, named), { kustomization: file, line: i + 1 });
    });
    const add = (p: unknown) => {
      if (typeof p === 'string' && !p.includes('\n') && /\.(ya?ml|json)$/i.test(p)) patches.set(path.resolve(dir, p), file);
    };
    for (const entry of asList(doc.patches)) if (isPlainObject(entry)) add(entry.path);
    for (const entry of asList(doc.patchesJson6902)) if (isPlainObject(entry)) add(entry.path);
    for (const entry of asList(doc.patchesStrategicMerge)) add(entry);
  }
  for (const used of patches.keys()) commented.delete(used);
  return { used: patches, commented };
}

/**
 * The file a comment line names as a patch: `# - path: x.yaml` (a patches entry commented out),
 * or any `.yaml` whose name says patch (`#- manager_auth_proxy_patch.yaml`). A commented-out
 * resource is not a patch: it is a manifest in its own right and stays checked.
 */
function commentedPatch(line: string): string | undefined {
  const comment = /^\s*#+\s*(?:-\s*)?(?:path:\s*)?(\S+\.(?:ya?ml|json))\s*$/i.exec(line);
  if (!comment) return undefined;
  const named = comment[1]!;
  return /^\s*#+\s*(?:-\s*)?path:/.test(line) || /patch/i.test(path.basename(named)) ? named : undefined;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
