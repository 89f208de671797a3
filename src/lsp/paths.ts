/** Editor URIs <-> the absolute real paths every other part of the server works with. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isManifestFileName, KUSTOMIZATION_FILE_NAMES } from '../load/index.js';

/**
 * The real path of a `file:` URI, so that one file reached through a symbolic link is one file
 * (the render stage reports real paths); a path that does not exist yet stays as it is. Other
 * schemes (`untitled:`) have no path: undefined.
 */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let absolute: string;
  try {
    absolute = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  return realPath(absolute);
}

export function realPath(absolute: string): string {
  try {
    return fs.realpathSync(absolute);
  } catch {
    return path.resolve(absolute);
  }
}

export function isKustomizationFileName(name: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.includes(path.basename(name));
}

/**
 * Whether a document is one the server checks: YAML manifests and kustomization files, and
 * JSON ones. Not JSON with comments (tsconfig.json, editor settings), which the YAML parser
 * cannot read, and not Helm chart templates, which are Go templates until Helm renders them.
 */
export function isCheckable(file: string, languageId: string): boolean {
  if (languageId === 'helm' || isHelmTemplate(file)) return false;
  if (languageId === 'yaml' || isKustomizationFileName(file)) return true;
  if (path.extname(file).toLowerCase() === '.json') return languageId === 'json';
  return isManifestFileName(file);
}

/** A file in a chart's templates/ folder (the folder beside Chart.yaml), at any depth. */
function isHelmTemplate(file: string): boolean {
  for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'templates' && fs.existsSync(path.join(path.dirname(dir), 'Chart.yaml'))) return true;
  }
  return false;
}
