/**
 * textDocument/hover: what the schema says of the field under the cursor (its description, from
 * the OpenAPI spec or the CRD, its type, whether it is required); on a reference to another
 * object (a ConfigMap, a Secret, a claim...), where that object is defined; and in a file that
 * overlays build, the value each overlay renders there and the file that set it, the base or a
 * patch (the render stage's origins).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MarkupKind, type Connection, type Hover, type ServerCapabilities } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parsePointer, valueAt, type Resource } from '../core/index.js';
import { KUSTOMIZATION_FILE_NAMES, placeAt, type CursorPlace } from '../load/index.js';
import type { Features } from './features.js';
import { kustomizationHover } from './kustomization-fields.js';
import type { BuildCheck } from './overlays.js';
import { objectsOfKind, referencedKind } from './references.js';
import { fieldAt, typeName } from './schema-fields.js';

export const hoverCapabilities: ServerCapabilities = { hoverProvider: true };

export function registerHover(connection: Connection, features: Features): void {
  connection.onHover(({ textDocument, position }) => {
    const doc = features.documents.get(textDocument.uri);
    return doc ? hover(features, doc, doc.offsetAt(position)) : null;
  });
}

/** The hover at `offset` of an open document, or null when there is nothing to say. */
export function hover(features: Features, doc: TextDocument, offset: number): Hover | null {
  const place = placeAt(doc.getText(), offset);
  if (!place || place.pointer === '') return null;
  const file = features.fileOf(doc.uri);
  const sections = [KUSTOMIZATION_FILE_NAMES.includes(path.basename(file)) ? kustomizationHover(place.pointer) : fieldSection(features, file, place), referenceSection(features, doc, file, place), renderedSection(features, doc, file, place)].filter((s): s is string => s !== undefined);
  if (sections.length === 0) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: { start: doc.positionAt(place.word.start), end: doc.positionAt(place.word.end) },
  };
}

/** `**replicas** `integer` (required)` and the schema's description. */
function fieldSection(features: Features, file: string, place: CursorPlace): string | undefined {
  const value = place.value as { apiVersion?: unknown; kind?: unknown } | null;
  if (typeof value?.apiVersion !== 'string' || typeof value.kind !== 'string') return undefined;
  const { registry, descriptions } = features.schemas(file);
  const schema = registry.schemaOf(value.apiVersion, value.kind);
  if (!schema) return undefined;
  const view = { ...schema, descriptions };
  const field = fieldAt(view, place.pointer);
  if (!field) return undefined;
  const segments = parsePointer(place.pointer);
  const name = /^\d+$/.test(field.name) ? `${segments.at(-2) ?? ''}[${field.name}]` : field.name;
  const head = `**${name}** \`${typeName(view, field.definition ? { $ref: `#/definitions/${field.definition}` } : field.node)}\`${field.required ? ' (required)' : ''}`;
  const enumValues = ((field.node.enum as unknown[] | undefined) ?? []).filter((v) => v !== '');
  const allowed = enumValues.length > 0 ? `\n\nOne of: ${enumValues.map((v) => `\`${String(v)}\``).join(', ')}` : '';
  return `${head}${field.description ? `\n\n${field.description}` : ''}${allowed}`;
}

/** Where the object a reference names is defined. */
function referenceSection(features: Features, doc: TextDocument, file: string, place: CursorPlace): string | undefined {
  if (place.on !== 'value') return undefined;
  const kind = referencedKind(place.pointer, place.value);
  if (!kind || place.word.text === '') return undefined;
  const namespace = (place.value as { metadata?: { namespace?: unknown } } | null)?.metadata?.namespace;
  const found = objectsOfKind(features.objects(), kind, typeof namespace === 'string' ? namespace : undefined).filter((r) => r.id.name === place.word.text);
  const where = found.map((r) => `${kind} \`${r.id.name}\`${r.id.namespace ? ` (namespace ${r.id.namespace})` : ''}: defined in ${link(r.source.file, r.source.locate('').value.line, file)}`);
  // Not in any manifest: a generator's (configMapGenerator, secretGenerator), found as the overlays render it, hash suffix and all.
  if (where.length === 0) {
    for (const { build, rendered } of renderedHere(features, doc, file, place)) {
      const name = valueAt(rendered.object, place.pointer);
      const made = build.resources.find((r) => r.id.kind === kind && r.id.name === name);
      if (!made) continue;
      // The generator entry, or an overlay's that merges into it (`behavior: merge`).
      const located = made.source.locate('');
      const line = `${kind} \`${place.word.text}\`: made by ${link(path.resolve(build.root, located.file ?? made.source.file), located.value.line, file)}`;
      if (!where.includes(line)) where.push(line);
    }
  }
  return where.length > 0 ? where.join('\n\n') : `${kind} \`${place.word.text}\`: not defined in the workspace`;
}

/** Each overlay's rendered value at the place, and the file that set it. */
/** Each overlay build reading the file, with the object it renders from the hovered document. */
function renderedHere(features: Features, doc: TextDocument, file: string, place: CursorPlace): { build: BuildCheck; rendered: Resource }[] {
  const kind = (place.value as { kind?: unknown } | null)?.kind;
  // The rendered object made from this document: the one whose kind was read from within the document's lines.
  const [first, last] = place.documentRange.map((o) => doc.positionAt(o).line + 1) as [number, number];
  // The render stage names files relative to the build's directory (as its findings do).
  const fromHere = (build: BuildCheck, r: Resource) => path.resolve(build.root, r.source.file) === file && r.id.kind === kind && within(r.source.locate('/kind').value.line, first, last);
  return features.engine.overlayBuilds(file).flatMap((build) => {
    const rendered = build.resources.find((r) => fromHere(build, r));
    return rendered ? [{ build, rendered }] : [];
  });
}

function renderedSection(features: Features, doc: TextDocument, file: string, place: CursorPlace): string | undefined {
  const lines: string[] = [];
  for (const { build, rendered } of renderedHere(features, doc, file, place)) {
    // A Secret's values are never shown, as no report shows them (core/redact.ts).
    if ((rendered.id.kind === 'Secret' && /^\/(data|stringData)(\/|$)/.test(place.pointer))) continue;
    const value = valueAt(rendered.object, place.pointer);
    if (value === undefined) continue;
    const located = rendered.source.locate(place.pointer);
    const from = path.resolve(build.root, located.file ?? rendered.source.file);
    const setBy = from === file ? 'this file' : `${link(from, located.value.line, file)} (${KUSTOMIZATION_FILE_NAMES.includes(path.basename(from)) ? 'kustomization' : 'patch'})`;
    lines.push(`- \`${path.relative(path.dirname(file), build.root) || '.'}\` (${rendered.id.name}): \`${show(value)}\`, set by ${setBy}`);
  }
  return lines.length > 0 ? `Rendered by the overlays:\n${lines.join('\n')}` : undefined;
}

function within(line: number, first: number, last: number): boolean {
  return line >= first && line <= last;
}

/** A value in one line, cut short: a whole rendered pod template would drown the hover. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A Markdown link to a line of a file, named relative to the file hovered. */
function link(target: string, line: number, from: string): string {
  const name = path.relative(path.dirname(from), target) || path.basename(target);
  return `[${name}:${line}](${pathToFileURL(target).href}#L${line})`;
}
