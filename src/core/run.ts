import type { Diagnostic, ResourceId } from './diagnostic.js';
import type { ResourceTotals } from './totals.js';

/** A file that was read, with the objects it held: reporters list every checked object, not only failures. */
export interface CheckedFile {
  file: string;
  resources: ResourceId[];
}

/** What a run hands to reporters. Diagnostics are sorted with compareDiagnostics. */
export interface RunReport {
  diagnostics: Diagnostic[];
  files: CheckedFile[];
  /** Requests and limits per workload and namespace, when asked for (`--totals`). */
  totals?: ResourceTotals;
}
