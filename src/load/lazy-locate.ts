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
import type { SourceText } from './source-text.js';

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

/**
 * The source of a resource the loader made: where its document sits, for positions on demand.
 * A class, so that a resource costs one small object here rather than an object, a closure and
 * its context (a tenth of the heap of a large file's resources).
 */
export class LoadedSource implements ResourceSource {
  declare itemIndex?: number;
  /**
   * The document's own yaml nodes, only while the loader still holds them (a stage run on the
   * resource as it is parsed, api/document-stage.ts): positions asked for then need no re-parse.
   */
  live: Locator | undefined = undefined;

  constructor(
    readonly file: string,
    readonly docIndex: number,
    readonly place: DocumentPlace,
    private readonly text: SourceText,
  ) {
    if (place.itemIndex !== undefined) this.itemIndex = place.itemIndex;
  }

  locate(pointer: string): Located {
    if (this.live) return this.live.locate(pointer);
    let locator = recent.get(this);
    if (locator) recent.delete(this); // to the back: used last
    else locator = reparse(this.text, this.place);
    recent.set(this, locator);
    if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    return locator.locate(pointer);
  }
}

/**
 * The documents re-parsed last, kept while their findings are placed (a rule reports a
 * resource's findings together). Bounded: were each resource to keep its own, a run where
 * every resource has a finding would hold every document's yaml nodes again.
 */
const RECENT = 64;
const recent = new Map<LoadedSource, Locator>();

export type Locator = Pick<NodeLocator, 'locate'>;

function reparse(text: SourceText, place: DocumentPlace): Locator {
  const own = text.slice(place.start, place.end);
  // The file changed on the disk since it was read (see source-text.ts): its first line is all that is known.
  if (own.length !== place.end - place.start) return { locate: () => ({ value: { line: place.line, column: 1, endLine: place.line, endColumn: 1 }, exact: false }) };
  const lineStart = text.lineStart(place.start);
  const padded = ' '.repeat(place.start - lineStart) + own;
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
