/**
 * Exceptions are for fatal setup and bugs; problems in the user's manifests are diagnostics.
 * The code decides the exit status: USAGE and INPUT are 2, as is INTERNAL.
 */
export type ErrorCode = 'USAGE' | 'INPUT' | 'INTERNAL';

export class KubeproofError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KubeproofError';
    this.code = code;
  }
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
