/** A 1-based range in a source file; columns in UTF-16 code units. */
export interface SourceSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where a JSON pointer lands in the source. */
export interface Located {
  /** The span of the mapping key, when the pointer ends at a map entry. */
  key?: SourceSpan;
  /** The span of the value node. */
  value: SourceSpan;
  /**
   * False when the pointer does not exist in the source and the spans are those
   * of its deepest existing ancestor (a missing field points at its parent).
   */
  exact: boolean;
  /** Set when the value lives in another file than the resource's own (a rendered field set by a patch). */
  file?: string;
}

export const START_OF_FILE: SourceSpan = { line: 1, column: 1, endLine: 1, endColumn: 1 };
