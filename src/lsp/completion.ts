/**
 * textDocument/completion, from the schemas the validator uses (features.ts): the keys a
 * mapping may have at the cursor, with their types and descriptions, required ones first; a
 * field's enum values; apiVersion/kind pairs; label keys the workspace's selectors match on;
 * names of the workspace's ConfigMaps, Secrets, ServiceAccounts, PVCs and Services where a
 * field references one; and a kustomization file's fields.
 */
import * as path from 'node:path';
import { CompletionItemKind, MarkupKind, type CompletionItem, type Connection, type ServerCapabilities } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { KUSTOMIZATION_FILE_NAMES, placeToComplete, type CursorPlace } from '../load/index.js';
import type { Features } from './features.js';
import { kustomizationItems } from './kustomization-fields.js';
import { isLabelMap, objectsOfKind, referencedKind, selectorLabelKeys } from './references.js';
import { fieldAt, propertiesOf, typeName, type KindSchemaView } from './schema-fields.js';

export const completionCapabilities: ServerCapabilities = { completionProvider: { triggerCharacters: [':', '-'] } };

export function registerCompletion(connection: Connection, features: Features): void {
  connection.onCompletion(({ textDocument, position }) => {
    const doc = features.documents.get(textDocument.uri);
    return doc ? complete(features, doc, doc.offsetAt(position)) : [];
  });
}

/** The completion items at `offset` of an open document. */
export function complete(features: Features, doc: TextDocument, offset: number): CompletionItem[] {
  const text = doc.getText();
  const place = placeToComplete(text, offset);
  if (!place) return [];
  const range = { start: doc.positionAt(place.word.start), end: doc.positionAt(place.word.end) };
  const item = (label: string, rest: Partial<CompletionItem> & { insert?: string }): CompletionItem => {
    const { insert, ...fields } = rest;
    return { label, textEdit: { range, newText: insert ?? label }, filterText: label, ...fields };
  };
  const file = features.fileOf(doc.uri);
  if (KUSTOMIZATION_FILE_NAMES.includes(path.basename(file))) return kustomizationFileItems(place, item, file, features.folderOf(file));

  const value = (place.value ?? {}) as Record<string, unknown>;
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : undefined;
  const kind = typeof value.kind === 'string' ? value.kind : undefined;
  const { registry, descriptions } = features.schemas(file);
  const served = registry.servedKinds();

  if (place.on === 'value' && place.pointer === '/apiVersion') {
    const versions = [...new Set(served.filter(([, k]) => kind === undefined || k === kind).map(([v]) => v))].sort();
    return versions.map((v) => item(v, { kind: CompletionItemKind.Value, detail: kindsOf(served, v, kind) }));
  }
  if (place.on === 'value' && place.pointer === '/kind') {
    const kinds = served.filter(([v]) => apiVersion === undefined || v === apiVersion).sort(([av, ak], [bv, bk]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1));
    return kinds.map(([v, k]) => item(k, { kind: CompletionItemKind.Class, detail: v, sortText: k }));
  }

  const items: CompletionItem[] = [];
  const schema = apiVersion && kind ? registry.schemaOf(apiVersion, kind) : undefined;
  const view: KindSchemaView | undefined = schema && { ...schema, descriptions };
  const field = view ? fieldAt(view, place.pointer) : undefined;

  if (place.on === 'key') {
    if (place.pointer === '' && apiVersion === undefined && kind === undefined && doc.positionAt(place.word.start).character === 0) {
      // A new object: its apiVersion and kind in one go.
      for (const [v, k] of served) items.push(item(`${k} (${v})`, { kind: CompletionItemKind.Class, detail: 'apiVersion and kind', insert: `apiVersion: ${v}\nkind: ${k}\n`, sortText: `~${k}` }));
    }
    if (view && field) {
      for (const [name, node] of Object.entries(propertiesOf(field))) {
        if (place.siblings.includes(name)) continue;
        const child = fieldAt(view, `${place.pointer}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`);
        const type = typeName(view, node);
        const scalar = !/^(\[\]|map\[)/.test(type) && child?.node.properties === undefined;
        items.push(item(name, {
          kind: CompletionItemKind.Property,
          detail: child?.required ? `${type} (required)` : type,
          documentation: child?.description ? { kind: MarkupKind.Markdown, value: child.description } : undefined,
          insert: scalar ? `${name}: ` : `${name}:`,
          sortText: `${child?.required ? 0 : 1}${name}`,
        }));
      }
    }
    if (isLabelMap(place.pointer)) {
      for (const [key, users] of [...selectorLabelKeys(features.objects())].sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (!place.siblings.includes(key)) items.push(item(key, { kind: CompletionItemKind.Field, detail: `label a selector matches: ${users.join(', ')}`, insert: `${key}: `, sortText: `0${key}` }));
      }
    }
    return items;
  }

  if (field) {
    for (const v of (field.node.enum as unknown[] | undefined) ?? []) if (typeof v === 'string' && v !== '') items.push(item(v, { kind: CompletionItemKind.EnumMember, detail: typeName(view!, field.node) }));
    if (field.node.type === 'boolean') for (const v of ['true', 'false']) items.push(item(v, { kind: CompletionItemKind.Value, detail: 'boolean' }));
  }
  const target = referencedKind(place.pointer, value);
  if (target) {
    const namespace = typeof (value.metadata as { namespace?: unknown } | undefined)?.namespace === 'string' ? ((value.metadata as { namespace: string }).namespace) : undefined;
    const seen = new Set<string>();
    for (const r of objectsOfKind(features.objects(), target, namespace)) {
      if (seen.has(r.id.name)) continue;
      seen.add(r.id.name);
      items.push(item(r.id.name, { kind: CompletionItemKind.Reference, detail: `${target} in ${path.relative(path.dirname(file), r.source.file) || path.basename(r.source.file)}` }));
    }
    if (target === 'ConfigMap' || target === 'Secret') {
      for (const made of features.generatedNames(target)) {
        if (seen.has(made.name)) continue;
        seen.add(made.name);
        items.push(item(made.name, { kind: CompletionItemKind.Reference, detail: `${target} made by ${path.relative(path.dirname(file), made.file)}` }));
      }
    }
  }
  return items;
}

/** The apiVersion's kinds, the one being written first: what the apiVersion completion says of each. */
function kindsOf(served: [string, string][], apiVersion: string, kind: string | undefined): string {
  const kinds = served.filter(([v]) => v === apiVersion).map(([, k]) => k);
  return kind !== undefined ? kind : kinds.length > 4 ? `${kinds.slice(0, 4).join(', ')}, ...` : kinds.join(', ');
}

/** A kustomization file: kustomize's Kustomization type at any depth (kustomization-fields.ts), and its apiVersion and kind. */
function kustomizationFileItems(place: CursorPlace, item: (label: string, rest: Partial<CompletionItem> & { insert?: string }) => CompletionItem, file: string, area: string): CompletionItem[] {
  if (place.on === 'value' && place.pointer === '/apiVersion') return [item('kustomize.config.k8s.io/v1beta1', { kind: CompletionItemKind.Value }), item('kustomize.config.k8s.io/v1alpha1', { kind: CompletionItemKind.Value, detail: 'Component' })];
  if (place.on === 'value' && place.pointer === '/kind') return [item('Kustomization', { kind: CompletionItemKind.Value }), item('Component', { kind: CompletionItemKind.Value, detail: 'kustomize.config.k8s.io/v1alpha1' })];
  return kustomizationItems(place, item, file, area);
}
