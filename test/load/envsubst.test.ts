/** ${VAR} templates and resources substituted as Flux post-build substitution does (fluxcd/pkg envsubst, kustomize_varsub.go). */
import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/load/envsubst/dotenv.js';
import { evaluate, globRegExp, isPlaceholder, parseTemplate, type Unset } from '../../src/load/envsubst/template.js';
import { substituteResources, writtenPlain } from '../../src/load/envsubst/resources.js';
import { where, parse } from '../helpers.js';

const vars: Record<string, string> = { NAME: 'web', EMPTY: '', PATH_LIKE: 'a/b/c.tar.gz', FILE: 'c.tar.gz', MIXED: 'Hello World' };

function sub(template: string, strict = false): { text: string; unset: string[] } {
  const unset: Unset[] = [];
  const text = evaluate(parseTemplate(template), (n) => vars[n], strict, unset, new Set());
  return { text, unset: unset.map((u) => u.name) };
}

describe('the template language (fluxcd/pkg envsubst)', () => {
  it.each([
    ['${NAME}', 'web'],
    ['x-${NAME}-y', 'x-web-y'],
    ['${UNSET}', ''],
    ['${UNSET:=d}', 'd'],
    ['${UNSET:-d}', 'd'],
    ['${UNSET=d}', 'd'],
    ['${EMPTY:-d}', 'd'],
    ['${NAME:-d}', 'web'],
    // The library maps :+ to its default function: the value when set, else the argument.
    ['${NAME:+alt}', 'web'],
    ['${UNSET:-${NAME}}', 'web'],
    ['${UNSET:=["10.0.0.0/8"]}', '["10.0.0.0/8"]'],
    ['$${NAME}', '${NAME}'],
    ['$$HOME and $HOME', '$HOME and $HOME'],
    ['$$$${NAME}', '$${NAME}'],
    ['cost: $5', 'cost: $5'],
    ['${#NAME}', '3'],
    ['${NAME^^}', 'WEB'],
    ['${MIXED,,}', 'hello world'],
    ['${MIXED,}', 'hello World'],
    ['${NAME^}', 'Web'],
    ['${MIXED:6}', 'World'],
    ['${MIXED:0:5}', 'Hello'],
    ['${MIXED:-5}', 'Hello World'],
    ['${MIXED:1:-1}', 'ello Worl'],
    ['${MIXED/o/0}', 'Hell0 World'],
    ['${MIXED//o/0}', 'Hell0 W0rld'],
    ['${MIXED/#Hello/Bye}', 'Bye World'],
    ['${MIXED/%World/There}', 'Hello There'],
    ['${PATH_LIKE/\\//_}', 'a_b/c.tar.gz'],
    ['${FILE#*.}', 'tar.gz'],
    ['${FILE##*.}', 'gz'],
    ['${FILE%.*}', 'c.tar'],
    ['${FILE%%.*}', 'c'],
    // path.Match: * never matches a /.
    ['${PATH_LIKE#*.}', 'a/b/c.tar.gz'],
    ['${PATH_LIKE#*/}', 'b/c.tar.gz'],
  ])('%s -> %s', (template, expected) => {
    expect(sub(template).text).toBe(expected);
  });

  it.each([
    ['${}', 'unable to parse variable name'],
    ['${NAME', 'missing closing brace'],
    ['${NAME-d}', 'missing closing brace'],
    ['${NAME BAR}', 'missing closing brace'],
    ['${NAME:-d', 'unable to parse substitution within function'],
    ['${#}', 'bad substitution'],
  ])('%s is refused: %s', (template, message) => {
    expect(() => parseTemplate(template)).toThrow(message);
  });

  it('strict mode lists each variable read without a default, also inside an unused default', () => {
    expect(sub('${UNSET}', true).unset).toEqual(['UNSET']);
    expect(sub('${#UNSET}', true).unset).toEqual(['UNSET']);
    expect(sub('${UNSET:=x}', true).unset).toEqual([]);
    expect(sub('${EMPTY}', true).unset).toEqual([]);
    expect(sub('${NAME:-${OTHER}}', true).unset).toEqual(['OTHER']);
  });

  it("globs are Go's path.Match: * and ? never cross /; a malformed one matches nothing", () => {
    expect(globRegExp('a*')!.test('abc')).toBe(true);
    expect(globRegExp('a*')!.test('a/c')).toBe(false);
    expect(globRegExp('[a-c]x')!.test('bx')).toBe(true);
    expect(globRegExp('[^a]x')!.test('ax')).toBe(false);
    expect(globRegExp('[')).toBeUndefined();
    expect(globRegExp('a\\')).toBeUndefined();
  });

  it('a placeholder is one ${...} and nothing else', () => {
    expect(isPlaceholder('${CLUSTER_NAME}')).toBe(true);
    expect(isPlaceholder('${CIDR:=["10.0.0.0/8"]}')).toBe(true);
    expect(isPlaceholder('x-${A}')).toBe(false);
    expect(isPlaceholder('${A}${B}')).toBe(false);
  });
});

describe('go-yaml writes a string plain', () => {
  it.each([
    ['${X}', true],
    ['${X:=["a"]}', true],
    ['repo:${TAG}', true],
    ['a: ${X}', false],
    ['${X} #c', false],
    [' ${X}', false],
    ['- ${X}', false],
    ['"${X}"', false],
    ['#${X}', false],
    ['line\n${X}', false],
  ])('%j: %s', (s, plain) => {
    expect(writtenPlain(s)).toBe(plain);
  });
});

describe('dotenv files', () => {
  it('reads KEY=VALUE, export, comments, quotes and escapes, and drops line breaks from values as Flux does', () => {
    const vars = parseDotenv(['# comment', '', 'A=1', 'export B = two words # note', "C='$literal ${X}'", 'D="a\\tb\\"c"', 'E="multi', 'line"', 'F='].join('\n'), 'e.env');
    expect(Object.fromEntries(vars)).toEqual({ A: '1', B: 'two words', C: '$literal ${X}', D: 'a\tb"c', E: 'multiline', F: '' });
  });

  it("refuses a name kustomize-controller refuses, in its words, and a line that is not KEY=VALUE", () => {
    expect(() => parseDotenv('MY-VAR=1', 'e.env')).toThrow("e.env:1: 'MY-VAR' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'");
    expect(() => parseDotenv('A=1\njust text', 'e.env')).toThrow('e.env:2: expected KEY=VALUE');
    expect(() => parseDotenv('A="open', 'e.env')).toThrow('e.env:1: the value of A has no closing "');
  });
});

describe('resources substituted', () => {
  const doc = (text: string) => parse(text).resources;
  const run = (text: string, variables: Record<string, string>, strict = true) => substituteResources(doc(text), { variables: new Map(Object.entries(variables)), strict });

  it('types a substituted plain scalar as YAML reads it, whatever quotes the source used; a quoted string stays a string', () => {
    const out = run('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: "${NAME}"\nspec:\n  replicas: "${REPLICAS}"\n  paused: ${PAUSED}\n  template:\n    metadata:\n      annotations:\n        note: "a: ${REPLICAS}"\n        cidrs: ${CIDRS:=["10.0.0.0/8"]}\n', { NAME: 'web', REPLICAS: '3', PAUSED: 'yes' });
    expect(out.diagnostics).toEqual([]);
    const o = out.resources[0]!.object as any;
    expect(o.metadata.name).toBe('web');
    expect(o.spec.replicas).toBe(3);
    expect(o.spec.paused).toBe(true);
    expect(o.spec.template.metadata.annotations.note).toBe('a: 3');
    expect(o.spec.template.metadata.annotations.cidrs).toEqual(['10.0.0.0/8']);
    expect(out.resources[0]!.id.name).toBe('web');
  });

  it('keeps every pointer at the token the user wrote', () => {
    const out = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${NAME}\n  labels:\n    ${KEY}: x\n', { NAME: 'web', KEY: 'team' });
    const r = out.resources[0]!;
    expect(r.source.locate('/metadata/name').value).toMatchObject({ line: 4, column: 9 });
    expect((r.object as any).metadata.labels).toEqual({ team: 'x' });
    expect(r.source.locate('/metadata/labels/team').key).toMatchObject({ line: 6, column: 5 });
  });

  it('skips a resource labelled or annotated kustomize.toolkit.fluxcd.io/substitute: disabled', () => {
    for (const where of ['labels', 'annotations']) {
      const out = run(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  ${where}: {kustomize.toolkit.fluxcd.io/substitute: disabled}\ndata: {script: "echo \${HOME}"}\n`, { A: '1' });
      expect(out.diagnostics).toEqual([]);
      expect((out.resources[0]!.object as any).data.script).toBe('echo ${HOME}');
    }
  });

  it('with no variables at all substitutes nothing, as Flux', () => {
    const out = run('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "${X}"}\n', {});
    expect(out.diagnostics).toEqual([]);
    expect(out.resources[0]!.id.name).toBe('${X}');
  });

  it("strict mode reports each unset variable at its own ${...}, with fluxcd/pkg's words", () => {
    const out = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  url: https://${HOST}:${PORT:=80}/${PATH_PART}\n', { HOST: 'h' });
    expect(out.diagnostics.map(where)).toEqual(['unset-variable@6:36']);
    expect(out.diagnostics[0]!.message).toBe('variable substitution failed: variable not set (strict mode): "PATH_PART"; set it in an --envsubst file or give it a default, ${PATH_PART:=value}');
    expect(out.diagnostics[0]!.endColumn).toBe(48);
    const lax = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  url: https://${HOST}:${PORT:=80}/${PATH_PART}\n', { HOST: 'h' }, false);
    expect(lax.diagnostics).toEqual([]);
    expect((lax.resources[0]!.object as any).data.url).toBe('https://h:80/');
  });

  it('a placeholder that cannot be parsed, or text that breaks the YAML, is a bad-substitution', () => {
    const out = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "${BROKEN"\n  b: ${PAIR}\n', { PAIR: 'k: v' });
    expect(out.diagnostics.map(where)).toEqual(['bad-substitution@6:7', 'bad-substitution@7:6']);
    expect(out.diagnostics[0]!.message).toBe('variable substitution failed: missing closing brace');
  });

  it('is deterministic', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${A}\ndata:\n  x: ${B}\n  y: ${C}\n';
    const once = () => JSON.stringify(run(text, { A: 'a', B: '1' }).resources.map((r) => r.object)) + run(text, { A: 'a', B: '1' }).diagnostics.map(where).join();
    expect(once()).toBe(once());
  });
});
