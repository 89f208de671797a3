import type { Resource } from '../../core/index.js';
import type { SchemaFinding } from '../ajv-errors.js';

export interface CheckContext {
  resource: Resource;
  report(finding: SchemaFinding & { severity?: 'error' | 'warning' }): void;
}

/** A check of one field of one API type, keyed by definition and property. */
export type FieldCheck = (value: unknown, pointer: string, ctx: CheckContext) => void;
