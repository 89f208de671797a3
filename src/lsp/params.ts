/**
 * The shapes of the params of the messages the server handles, as the LSP 3.17 specification
 * defines them: what a handler may rely on. The first field that does not fit is named
 * (`textDocument.version must be an integer`); other methods' params are not looked at.
 */
type Check = (value: unknown, at: string) => string | undefined;

const object = (fields: Record<string, Check>, optional: readonly string[] = []): Check => (value, at) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${at || 'params'} must be an object`;
  for (const [key, check] of Object.entries(fields)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined && optional.includes(key)) continue;
    const problem = check(v, at ? `${at}.${key}` : key);
    if (problem) return problem;
  }
  return undefined;
};
const string: Check = (v, at) => (typeof v === 'string' ? undefined : `${at} must be a string`);
const integer: Check = (v, at) => (Number.isInteger(v) ? undefined : `${at} must be an integer`);
const anything: Check = () => undefined;
const nullable = (check: Check): Check => (v, at) => (v === null ? undefined : check(v, at));
const arrayOf = (check: Check): Check => (v, at) => {
  if (!Array.isArray(v)) return `${at} must be an array`;
  for (const [i, item] of v.entries()) {
    const problem = check(item, `${at}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
};
const oneOf = (values: readonly unknown[]): Check => (v, at) => (values.includes(v) ? undefined : `${at} must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);

const position = object({ line: integer, character: integer });
const range = object({ start: position, end: position });
const folder = object({ uri: string, name: string });
const atPosition = object({ textDocument: object({ uri: string }), position });

const PARAMS: Record<string, Check> = {
  initialize: object(
    { processId: nullable(integer), rootUri: nullable(string), rootPath: nullable(string), capabilities: object({}), workspaceFolders: nullable(arrayOf(folder)), initializationOptions: anything },
    ['processId', 'rootUri', 'rootPath', 'workspaceFolders', 'initializationOptions'],
  ),
  'textDocument/didOpen': object({ textDocument: object({ uri: string, languageId: string, version: integer, text: string }) }),
  'textDocument/didChange': object({ textDocument: object({ uri: string, version: integer }), contentChanges: arrayOf(object({ text: string, range }, ['range'])) }),
  'textDocument/didSave': object({ textDocument: object({ uri: string }), text: string }, ['text']),
  'textDocument/didClose': object({ textDocument: object({ uri: string }) }),
  'workspace/didChangeWatchedFiles': object({ changes: arrayOf(object({ uri: string, type: oneOf([1, 2, 3]) })) }),
  'workspace/didChangeWorkspaceFolders': object({ event: object({ added: arrayOf(folder), removed: arrayOf(folder) }) }),
  'textDocument/completion': atPosition,
  'textDocument/hover': atPosition,
  '$/setTrace': object({ value: oneOf(['off', 'messages', 'verbose']) }),
};

/** What is wrong with `params` for `method`, or undefined when they fit (or the method is not one the server checks). */
export function paramsProblem(method: string, params: unknown): string | undefined {
  return PARAMS[method]?.(params, '');
}
