/** Compile errors in cel-go's words: `ERROR: <input>:line:column: message`. */
import { celEnvironment } from './environment.js';
import { RE2_MATCHES } from './matches-rewrite.js';

/**
 * cel-go's issues.String() first line: `ERROR: <input>:line:column: message`. (cel-go adds the
 * source line and a caret under it; a one-line finding leaves those out.)
 */
export function issue(source: string, err: unknown, env?: ReturnType<typeof celEnvironment>): string {
  const e = err as { summary?: string; message?: string; range?: { start: number } };
  const message = goWording((e.summary ?? e.message ?? String(err)).split('\n')[0]!.replaceAll(`${RE2_MATCHES}(`, 'matches('), env);
  const at = e.range?.start ?? 0;
  const before = source.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 1;
  return `ERROR: <input>:${line}:${column}: ${message}`;
}

const functionNames = new WeakMap<object, Set<string>>();

/**
 * cel-js's "found no matching overload for 'f(int)'" in cel-go's words (checker/errors.go):
 * "undeclared reference to 'f' (in container '')" when no function has that name, else
 * "found no matching overload for 'f' applied to '(int)'" (a method: 'string.(int)').
 */
function goWording(message: string, env: ReturnType<typeof celEnvironment> | undefined): string {
  const unknown = /^Unknown variable: (\w+)$/.exec(message);
  if (unknown) return `undeclared reference to '${unknown[1]}' (in container '')`;
  const m = /^found no matching overload for '(?:([\w.<>, ]+)\.)?(\w+)\((.*)\)'$/.exec(message);
  if (!m || !env) return message;
  let names = functionNames.get(env);
  if (!names) functionNames.set(env, (names = new Set(env.getDefinitions().functions.map((f) => f.name))));
  const [, receiver, name, args] = m;
  const goType = (t: string) => t.replaceAll('<', '(').replaceAll('>', ')');
  if (!names.has(name!) && (receiver === undefined || receiver === 'dyn' || /^[a-z]/.test(receiver))) return `undeclared reference to '${name}' (in container '')`;
  return `found no matching overload for '${name}' applied to '${receiver ? goType(receiver) + '.' : ''}(${goType(args!)})'`;
}
