/**
 * Completion and hover in a kustomization file, from the render stage's description of
 * kustomize's Kustomization type (render/kustomization-types.ts): the keys of the struct at the
 * cursor (patches[].target, images[], configMapGenerator[]... at any depth), a field's allowed
 * values, and the files and directories a path field may name. Keys are matched as kustomize
 * matches them, so `NewTag` is newTag here too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionItemKind, CompletionItemTag, MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import { parsePointer } from '../core/index.js';
import { isDirectory, realPathOr, type CursorPlace } from '../load/index.js';
import { foldName, goTypeName, KUSTOMIZATION_DEPRECATIONS, kustomizationPath, type GoField, type GoType } from '../render/index.js';

/** kustomize's own warning for the top-level fields it warns about. */
const WARNINGS = new Map(KUSTOMIZATION_DEPRECATIONS);

type MakeItem = (label: string, rest: Partial<CompletionItem> & { insert?: string }) => CompletionItem;

/** The items at a place in the kustomization file `file`; `area`: the directory path completion stays in (the workspace folder). */
export function kustomizationItems(place: CursorPlace, item: MakeItem, file: string, area: string): CompletionItem[] {
  const at = kustomizationPath(parsePointer(place.pointer));
  if (!at) return [];
  if (place.on === 'key' && at.type.kind === 'struct') {
    const written = new Set(place.siblings.map(foldName));
    return at.type.struct.fields.filter((f) => !written.has(foldName(f.name))).map((f) =>
      item(f.name, {
        kind: CompletionItemKind.Property,
        detail: (place.pointer === '' && WARNINGS.get(f.name)) || (f.deprecated ? `${goTypeName(f.type)} (deprecated: use ${f.deprecated})` : goTypeName(f.type)),
        documentation: { kind: MarkupKind.Markdown, value: fieldText(f) },
        ...(f.deprecated && { tags: [CompletionItemTag.Deprecated], sortText: `~${f.name}` }),
        insert: `${f.name}:${isScalar(f.type) ? ' ' : ''}`,
      }),
    );
  }
  // A value: a scalar after `key: `, or a list entry being typed (`- ` reads as a key to the cursor).
  const type = at.type;
  if (type.kind === 'string' && type.values) return type.values.map((v) => item(v, { kind: CompletionItemKind.EnumMember, detail: at.field?.name }));
  if (type.kind === 'bool') return ['true', 'false'].map((v) => item(v, { kind: CompletionItemKind.Value, detail: 'bool' }));
  if (type.kind === 'string' && at.field?.paths) return pathItems(place.word.text, at.field.paths, path.dirname(file), area, item);
  return [];
}

/** The hover text of a kustomization key: its Go type, what it does, and what replaces it when deprecated. */
export function kustomizationHover(pointer: string): string | undefined {
  const segments = parsePointer(pointer);
  const last = segments.at(-1);
  const at = kustomizationPath(segments);
  // On a field's own key or value, not inside a list or map it holds.
  if (!at?.field || last === undefined || foldName(last) !== foldName(at.field.name)) return undefined;
  return `**${at.field.name}** \`${goTypeName(at.field.type)}\`\n\n${fieldText(at.field)}`;
}

function fieldText(f: GoField): string {
  const values = f.type.kind === 'string' && f.type.values ? `\n\nOne of: ${f.type.values.map((v) => `\`${v}\``).join(', ')}` : '';
  return `${f.description}${values}${f.deprecated ? `\n\nDeprecated: use \`${f.deprecated}\` instead.` : ''}`;
}

function isScalar(type: GoType): boolean {
  return type.kind === 'string' || type.kind === 'bool' || type.kind === 'int';
}

/** Never offered, nor listed into: what no kustomization names and what is slow to list. */
const SKIPPED = new Set(['.git', 'node_modules']);
const MAX_ENTRIES = 500;

/**
 * The entries of the directory the typed path is in, relative to the kustomization: files and
 * directories for a file field, directories only for a directory field. A file field stays in
 * the kustomization's directory, as kustomize's default load restrictor wants; a directory
 * (another kustomization) may be above it, but never outside `area`.
 */
function pathItems(typed: string, kind: NonNullable<GoField['paths']>, dir: string, area: string, item: MakeItem): CompletionItem[] {
  const slash = typed.lastIndexOf('/');
  const prefix = slash === -1 ? '' : typed.slice(0, slash + 1);
  // Real paths: a symbolic link does not lead out of the area.
  const listed = realPathOr(path.resolve(dir, prefix || '.'));
  const root = realPathOr(kind === 'file' ? dir : area);
  if (listed !== root && !listed.startsWith(root + path.sep)) return [];
  if (prefix.split('/').some((s) => SKIPPED.has(s))) return [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(listed, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, MAX_ENTRIES);
  } catch {
    return [];
  }
  const items: CompletionItem[] = [];
  for (const entry of entries) {
    if (SKIPPED.has(entry.name)) continue;
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(path.join(listed, entry.name)));
    if (kind === 'dir' && !isDir) continue;
    const label = `${prefix}${entry.name}${isDir ? '/' : ''}`;
    items.push(item(label, { kind: isDir ? CompletionItemKind.Folder : CompletionItemKind.File, detail: isDir ? 'directory' : 'file', insert: label }));
  }
  return items;
}
