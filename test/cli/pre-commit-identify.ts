/**
 * What pre-commit does with a hook manifest before it runs a hook, for the pre-commit test:
 * the manifest's checks (`pre-commit validate-manifest`: required keys, known keys, languages,
 * file-type tags) and the file selection of `pre-commit run` (identify's tags of each staged
 * path, then `files`/`exclude` and `types`/`types_or`/`exclude_types`). The tag data is
 * identify's own, in test/fixtures/pre-commit-identify-tags.json (see SOURCES.md there).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface IdentifyData {
  allTags: string[];
  extensions: Record<string, string[]>;
  extensionsNeedBinaryCheck: Record<string, string[]>;
  names: Record<string, string[]>;
}

const identify = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'pre-commit-identify-tags.json'), 'utf8')) as IdentifyData;

export interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  exclude?: string;
  types?: string[];
  types_or?: string[];
  exclude_types?: string[];
  args?: string[];
  pass_filenames?: boolean;
  require_serial?: boolean;
}

/** pre-commit's MANIFEST_HOOK_DICT: the four required keys, then the optional ones. */
const REQUIRED = ['id', 'name', 'entry', 'language'];
const OPTIONAL = ['alias', 'files', 'exclude', 'types', 'types_or', 'exclude_types', 'additional_dependencies', 'args', 'always_run', 'fail_fast', 'pass_filenames', 'description', 'language_version', 'log_file', 'require_serial', 'stages', 'verbose', 'minimum_pre_commit_version'];
const LANGUAGES = ['conda', 'coursier', 'dart', 'docker', 'docker_image', 'dotnet', 'fail', 'golang', 'haskell', 'julia', 'lua', 'node', 'perl', 'pygrep', 'python', 'r', 'ruby', 'rust', 'script', 'swift', 'system', 'unsupported', 'unsupported_script'];

/** The problems `pre-commit validate-manifest` would report for one hook. */
export function manifestProblems(hook: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of REQUIRED) if (typeof hook[key] !== 'string' || hook[key] === '') problems.push(`missing or empty required key ${key}`);
  for (const key of Object.keys(hook)) if (!REQUIRED.includes(key) && !OPTIONAL.includes(key)) problems.push(`unexpected key ${key}`);
  if (typeof hook.language === 'string' && !LANGUAGES.includes(hook.language)) problems.push(`unknown language ${hook.language}`);
  for (const key of ['types', 'types_or', 'exclude_types']) {
    const tags = hook[key];
    if (tags === undefined) continue;
    if (!Array.isArray(tags)) problems.push(`${key} must be a list`);
    else for (const tag of tags) if (!identify.allTags.includes(tag as string)) problems.push(`${key}: unknown tag ${String(tag)}`);
  }
  for (const key of ['files', 'exclude']) {
    if (hook[key] === undefined) continue;
    try {
      new RegExp(hook[key] as string);
    } catch {
      problems.push(`${key} is not a regular expression`);
    }
  }
  return problems;
}

/** identify.tags_from_path, for what a repository holds: links, directories, regular files. */
export function tagsOf(file: string): Set<string> {
  const stat = fs.lstatSync(file);
  if (stat.isSymbolicLink()) return new Set(['symlink']);
  if (stat.isDirectory()) return new Set(['directory']);
  const tags = new Set(['file', stat.mode & 0o111 ? 'executable' : 'non-executable']);
  const base = path.basename(file);
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
  const known = identify.names[base] ?? identify.extensions[ext];
  for (const t of known ?? identify.extensionsNeedBinaryCheck[ext] ?? []) tags.add(t);
  if (!known || !(known.includes('text') || known.includes('binary'))) tags.add(looksBinary(file) ? 'binary' : 'text');
  return tags;
}

/** identify's is_text: text when the first KiB holds no control byte but BEL, BS, TAB, LF, VT, FF, CR and ESC. */
const TEXT_CONTROLS = new Set([0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);
function looksBinary(file: string): boolean {
  const head = fs.readFileSync(file).subarray(0, 1024);
  return head.some((b) => b < 0x20 && !TEXT_CONTROLS.has(b));
}

/** pre-commit run's selection of the staged paths a hook is given, in their order. */
export function selectForHook(hook: Hook, staged: string[], root: string): string[] {
  const files = new RegExp(hook.files ?? '');
  const exclude = new RegExp(hook.exclude ?? '^$');
  const types = hook.types ?? ['file'];
  const typesOr = hook.types_or ?? [];
  const excludeTypes = hook.exclude_types ?? [];
  return staged.filter((f) => {
    const full = path.join(root, f);
    if (!files.test(f) || exclude.test(f) || !fs.existsSync(full)) return false; // deleted files are never passed
    const tags = tagsOf(full);
    return types.every((t) => tags.has(t)) && (typesOr.length === 0 || typesOr.some((t) => tags.has(t))) && !excludeTypes.some((t) => tags.has(t));
  });
}
