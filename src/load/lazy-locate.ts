/**
 * Positions on demand. Keeping every document's yaml nodes alive costs about 30 times the
 * file's size in memory (1.8 GB for a 50 MB file) and slows every garbage collection, yet
 * only the few resources with findings ever need a position. So a resource keeps just its
 * document's place in the text, and the first position asked for re-parses that one
 * document: its text, behind as many line breaks and spaces as stood before it, so the
 * parser's line and column are those of the original file.
 */
import { Composer, LineCounter, Parser, type Document } from 'yaml';
import type { Located, ResourceSource } from '../core/index.js';
import { composeOptions, composeWithoutStacks } from './compose-options.js';
import type { ScalarTyping } from './yaml-schema.js';
import { NodeLocator } from './positions.js';

export interface DocumentPlace {
  /** Offsets of the document in the file's text. */
  start: number;
  end: number;
  /** Set when the resource is an item of a List document. */
  itemIndex?: number;
  typing: ScalarTyping;
}

/** The source of a resource the loader made: where its document sits, for positions on demand. */
export interface LoadedSource extends ResourceSource {
  place: DocumentPlace;
}

export function lazyLocate(text: string, place: DocumentPlace): (pointer: string) => Located {
  let locator: NodeLocator | undefined;
  return (pointer) => {
    locator ??= reparse(text, place);
    return locator.locate(pointer);
  };
}

function reparse(text: string, place: DocumentPlace): NodeLocator {
  const before = text.slice(0, place.start);
  const lastBreak = before.lastIndexOf('\n');
  let lines = 0;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) lines++;
  const padded = '\n'.repeat(lines) + ' '.repeat(place.start - lastBreak - 1) + text.slice(place.start, place.end);
  const lineCounter = new LineCounter();
  const docs = composeWithoutStacks(() => new Composer(composeOptions(place.typing)).compose(new Parser(lineCounter.addNewLine).parse(padded))) as Document.Parsed[];
  const doc = docs.find((d) => d.contents !== null) ?? docs[0]!;
  const root = new NodeLocator(doc, doc.contents, lineCounter, padded);
  if (place.itemIndex === undefined) return root;
  return new NodeLocator(doc, root.nodeAt(`/items/${place.itemIndex}`) ?? doc.contents, lineCounter, padded);
}
