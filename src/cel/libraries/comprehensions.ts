/**
 * cel-go's ext.TwoVarComprehensions (in the API server's base environment since 1.32): all,
 * exists and existsOne with two variables (index and value of a list, key and value of a map),
 * and transformList, transformMap, transformMapEntry. cel-js has the one-variable macros only;
 * these are cel-js macros (functions over the AST) with the same error rules as cel-go:
 * `all` is false if any element fails, `exists` true if any holds, an error otherwise wins.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from '../errors.js';

/** The parts of cel-js's macro API used here (its typings do not describe it). */
export interface Ctx {
  forkWithVariable(name: string, type: unknown): Ctx;
  reuse(parent: Ctx): Ctx;
  setIterValue(v: unknown, ev: Evaluator): Ctx;
}
export interface Checker {
  check(node: unknown, ctx: Ctx): unknown;
  getType(name: string): unknown;
}
export interface Evaluator {
  run(node: unknown, ctx: Ctx): unknown;
}
export interface MacroNode {
  op: string;
  args: unknown;
}
interface Macro {
  receiver: MacroNode;
  names: [string, string];
  body: MacroNode[];
  first?: Ctx;
  second?: Ctx;
}

type Kind = 'all' | 'exists' | 'existsOne' | 'transformList' | 'transformMap' | 'transformMapEntry';

const RESULT: Record<Kind, string> = { all: 'bool', exists: 'bool', existsOne: 'bool', transformList: 'list', transformMap: 'map', transformMapEntry: 'map' };

export function registerComprehensions(env: Environment): void {
  for (const kind of Object.keys(RESULT) as Kind[]) {
    const arities = kind.startsWith('transform') && kind !== 'transformMapEntry' ? [3, 4] : [3];
    for (const n of arities) {
      const signature = `dyn.${kind}(${new Array(n).fill('ast').join(', ')}): ${RESULT[kind] === 'bool' ? 'bool' : 'dyn'}`;
      env.registerFunction(signature, ((input: { args: MacroNode[]; receiver: MacroNode }) => expand(kind, input)) as never);
    }
  }
}

function expand(kind: Kind, { args, receiver }: { args: MacroNode[]; receiver: MacroNode }) {
  const names = args.slice(0, 2).map((a) => {
    if (a.op !== 'id') throw celError(`${kind}() variable names must be simple identifiers`);
    return a.args as string;
  }) as [string, string];
  const macro: Macro = { receiver, names, body: args.slice(2) };
  return {
    ...macro,
    typeCheck(checker: Checker, m: Macro, ctx: Ctx) {
      const dyn = checker.getType('dyn');
      checker.check(m.receiver, ctx);
      m.first = ctx.forkWithVariable(m.names[0], dyn);
      m.second = m.first.forkWithVariable(m.names[1], dyn);
      for (const b of m.body) checker.check(b, m.second);
      return checker.getType(RESULT[kind] === 'bool' ? 'bool' : 'dyn');
    },
    evaluate(ev: Evaluator, m: Macro, ctx: Ctx) {
      const entries = entriesOf(ev.run(m.receiver, ctx));
      const inScope = (k: unknown, v: unknown) => m.second!.reuse(m.first!.reuse(ctx).setIterValue(k, ev)).setIterValue(v, ev);
      return KINDS[kind](entries, (i, k, v) => ev.run(m.body[i]!, inScope(k, v)), m.body.length);
    },
  };
}

type Run = (bodyIndex: number, k: unknown, v: unknown) => unknown;

const KINDS: Record<Kind, (entries: [unknown, unknown][], run: Run, bodies: number) => unknown> = {
  all: (entries, run) => quantify(entries, run, false),
  exists: (entries, run) => quantify(entries, run, true),
  existsOne: (entries, run) => entries.filter(([k, v]) => run(0, k, v) === true).length === 1,
  transformList: (entries, run, bodies) => entries.filter(([k, v]) => bodies === 1 || run(0, k, v) === true).map(([k, v]) => run(bodies - 1, k, v)),
  transformMap: (entries, run, bodies) => new Map(entries.filter(([k, v]) => bodies === 1 || run(0, k, v) === true).map(([k, v]) => [k, run(bodies - 1, k, v)])),
  transformMapEntry: (entries, run) => {
    const out = new Map<unknown, unknown>();
    for (const [k, v] of entries) {
      for (const [ek, ev] of entriesOf(run(0, k, v))) {
        if (out.has(ek)) throw celError(`insert failed: key ${String(ek)} already exists`);
        out.set(ek, ev);
      }
    }
    return out;
  },
};

/** all (stop = false) and exists (stop = true): a deciding element wins over errors elsewhere. */
function quantify(entries: [unknown, unknown][], run: Run, stop: boolean): boolean {
  let error: unknown;
  for (const [k, v] of entries) {
    try {
      if ((run(0, k, v) === true) === stop) return stop;
    } catch (err) {
      error ??= err;
    }
  }
  if (error) throw error;
  return !stop;
}

function entriesOf(collection: unknown): [unknown, unknown][] {
  if (Array.isArray(collection)) return collection.map((v, i) => [BigInt(i), v]);
  if (collection instanceof Map) return [...collection];
  if (typeof collection === 'object' && collection !== null) return Object.entries(collection);
  throw celError('no such overload');
}
