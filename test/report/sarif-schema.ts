/** The OASIS SARIF 2.1.0 schema (test/fixtures; draft-04, hence ajv-draft-04), compiled once for the tests that check SARIF output. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject } from 'ajv';
import { FIXTURES } from '../helpers.js';

// Both packages are CommonJS with a `default` export; NodeNext typing sees the module object.
const ajv = new Ajv04Module.default({ strict: false, allErrors: true });
addFormatsModule.default(ajv);
const validateLog = ajv.compile(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')));

/** Where `log` breaks the SARIF 2.1.0 schema: [] when it is valid. */
export function sarifErrors(log: unknown): ErrorObject[] {
  return validateLog(log) ? [] : [...(validateLog.errors ?? [])];
}
