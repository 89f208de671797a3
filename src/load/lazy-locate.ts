/**
 * Positions on demand. Keeping every document's yaml nodes alive costs about 30 times the
 * file's size in memory (1.8 GB for a 50 MB file) and slows every garbage collection, yet
 * only the few resources with findings ever need a position. So a resource keeps just its
 * document's place in the text, and the first position asked for re-parses that one
 * document: its text alone (behind the spaces that stood before it on its first line, so
 * columns and indentation are the file's), its lines then shifted to the file's. Padding it
 * with the line breaks before it instead made every re-parse lex the file up to there: a
 * finding on each of 3,000 documents of one file cost minutes.
 */
import { Composer, LineCounter, Parser, type Document } from 'yaml';
import type { Located, ResourceSource } from '../core/index.js';
import { composeOptions, composeWithoutStacks } from './compose-options.js';
import type { ScalarTyping } from './yaml-schema.js';
import { NodeLocator, type LinePositions } from './positions.js';

export interface DocumentPlace {
  /** Offsets of the document in the file's text. */
  start: number;
  end: number;
  /** 1-based line of `start` in the file. */
  line: number;
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
  const lineStart = text.lastIndexOf('\n', place.start - 1) + 1;
  const padded = ' '.repeat(place.start - lineStart) + text.slice(place.start, place.end);
  const lineCounter = new LineCounter();
  const docs = composeWithoutStacks(() => new Composer(composeOptions(place.typing)).compose(new Parser(lineCounter.addNewLine).parse(padded))) as Document.Parsed[];
  const doc = docs.find((d) => d.contents !== null) ?? docs[0]!;
  const shift = place.line - 1;
  const lines: LinePositions = { linePos: (offset) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + shift, col: p.col };
  } };
  const root = new NodeLocator(doc, doc.contents, lines, padded);
  if (place.itemIndex === undefined) return root;
  return new NodeLocator(doc, root.nodeAt(`/items/${place.itemIndex}`) ?? doc.contents, lines, padded);
}
