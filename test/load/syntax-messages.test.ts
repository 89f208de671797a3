/**
 * YAML syntax errors said in words a person understands, at the line to edit, with the
 * parser's own text kept after them (issue 14, item 7). Each case is a real mistake in a
 * manifest; the expected text is the whole message.
 */
import { describe, expect, it } from 'vitest';
import { parsePlainDocuments } from '../../src/load/index.js';
import { cpuMs, parse } from '../helpers.js';

const cm = (body: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n${body}`;
const data = (body: string) => cm(`  name: web\ndata:\n${body}`);
const pod = (containers: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n${containers}`;

/** Every finding as `rule@line:column message`. */
const said = (text: string) => parse(text).diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column} ${d.message}`);

/** A group of cases: what each shows, the manifest, and the one finding expected of it. */
function situations(name: string, cases: [string, string, string][]): void {
  describe(name, () => {
    for (const [title, text, expected] of cases) it(title, () => expect(said(text)).toEqual([expected]));
  });
}

situations('a key at the wrong indentation', [
  ['deeper than its siblings: at the key, which lines up under a key that has a value', cm('  name: web\n    namespace: prod\n  labels:\n    app: web\n'), "yaml-syntax@5:5 `namespace` is indented more than `name` on line 4, which already has a value on its line: move it to column 3 to make it a sibling of `name`, or, if it belongs under `name`, remove the value `web` (yaml: Nested mappings are not allowed in compact mappings)"],
  ['shallower than its siblings: at the key, naming the columns that would be right', cm('  name: web\n labels:\n    app: web\n'), "yaml-syntax@5:2 `labels` starts at column 2, which lines up with no key above it; move it to column 3 to make it a sibling of `name` (line 4), or to column 1 to make it a sibling of `metadata` (line 3) (yaml: All mapping items must start at the same column)"],
  ['shallower than its siblings in a list item', pod('    - name: web\n      image: nginx\n     ports: []\n'), "yaml-syntax@9:6 `ports` starts at column 6, which lines up with no key above it; move it to column 7 to make it a sibling of `image` (line 8), or to column 3 to make it a sibling of `containers` (line 6) (yaml: Sequence item without - indicator)"],
  ['at the column of the `-` of a list item', pod('    - name: web\n      image: nginx\n    restartPolicy: Always\n'), "yaml-syntax@9:5 `restartPolicy` starts at column 5, which is the column of the `-` on line 7: only `- ` list items can start there; move it to column 7 to make it a sibling of `image` (line 8), or to column 3 to make it a sibling of `containers` (line 6) (yaml: All mapping items must start at the same column)"],
  ["the document's first line indented: at that line, not at the next one where the parser stops", '  apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n', "yaml-syntax@1:3 the document's first line is indented (it starts at column 3), but line 2 starts at column 1: the top-level keys must all start at the same column; remove the indentation before `apiVersion` (yaml: Unexpected scalar at node end)"],
]);

situations('a key with a value on its line and a block under it', [
  ['a nested mapping: at the value', cm('  name: web\n  labels: web\n    app: web\n    tier: front\n'), "yaml-syntax@5:11 `labels` has both a value on its line (`web`) and a nested block below it (from line 6): a key holds one or the other; remove `web` to make the indented lines its value, or move them to column 3 to make them siblings of `labels` (yaml: Nested mappings are not allowed in compact mappings)"],
  ['a list at the column of the key: at the value', pod('  - name: web\n    image: nginx\n    args: --verbose\n    - --debug\n'), "yaml-syntax@9:11 `args` has both a value on its line (`--verbose`) and a list below it (from line 10): a key holds one or the other; remove `--verbose` to make the list its value (yaml: A block sequence may not be used as an implicit map key)"],
]);

situations('a missing or misplaced colon', [
  ['a key without its colon, followed by another key', cm('  name web\n  namespace: prod\n'), "yaml-syntax@4:3 `name web` has no colon: every entry of a mapping is `key: value`, with a colon and a space after the key; write `name: web` (yaml: Implicit keys need to be on a single line)"],
  ['a key without its colon, last in the mapping', cm('  namespace: prod\n  name web\n'), "yaml-syntax@5:3 `name web` has no colon: every entry of a mapping is `key: value`, with a colon and a space after the key; write `name: web` (yaml: Implicit map keys need to be followed by map values)"],
  ['a key without its colon over a nested block', 'apiVersion: v1\nkind: ConfigMap\nmetadata\n  name: web\n', "yaml-syntax@3:1 `metadata` has no colon, so the indented lines under it cannot be its value: write `metadata:` (yaml: Implicit keys need to be on a single line)"],
  ['a colon without a space after it: at the colon', cm('  name:web\n  namespace: prod\n'), "yaml-syntax@4:7 the colon in `name:web` needs a space after it: without one YAML reads a single word, not a key and its value; write `name: web` (yaml: Implicit keys need to be on a single line)"],
  ['a stray `: ` in an unquoted value: at that colon', pod('  - name: web\n    image: busybox\n    command: echo a: b\n'), "yaml-syntax@9:20 the value of `command` holds a colon followed by a space, which YAML reads as the start of another key: put the whole value in quotes (`command: \"echo a: b\"`), or, if a nested key was meant, put it on its own line, indented under `command` (yaml: Nested mappings are not allowed in compact mappings)"],
]);

situations('a list item at the wrong indentation', [
  ['deeper than the list it continues: at its `-`', pod('  - name: web\n    image: nginx\n    - name: sidecar\n      image: envoy\n'), "yaml-syntax@9:5 this list item starts at column 5, but the list it continues (line 7) has its `-` at column 3: move the `-` to column 3 (yaml: A block sequence may not be used as an implicit map key)"],
  ['shallower than the list it continues', pod('    - name: web\n      image: nginx\n   - name: sidecar\n     image: envoy\n'), "yaml-syntax@9:4 this list item starts at column 4, but the list it continues (line 7) has its `-` at column 5: move the `-` to column 5 (yaml: A block sequence may not be used as an implicit map key)"],
]);

situations('tabs', [
  ['a tab as the whole indentation', cm('\tname: web\n'), "tab-indentation@4:1 this line is indented with a tab, and YAML indents with spaces only: replace the tab with spaces (yaml: Tabs are not allowed as indentation)"],
  ['a tab after spaces', cm('  name: web\n  labels:\n  \tapp: web\n'), "tab-indentation@6:3 this line is indented with a tab, and YAML indents with spaces only: replace the tab with spaces (yaml: Tabs are not allowed as indentation)"],
]);

situations('quotes', [
  ['an unclosed double quote: where it opens', cm('  name: "web\n  namespace: prod\n'), "yaml-syntax@4:9 this double-quoted value is never closed: add the closing `\"` where the value ends (a `\"` inside the value is written `\\\"`) (yaml: Missing closing \"quote)"],
  ['an unclosed double quote that the next value\'s quote seems to close', cm('  name: "web\n  namespace: "prod"\n'), "yaml-syntax@4:9 this double-quoted value is never closed: add the closing `\"` where the value ends (a `\"` inside the value is written `\\\"`) (yaml: Missing closing \"quote)"],
  ['an unclosed single quote', cm("  name: 'web\n"), "yaml-syntax@4:9 this single-quoted value is never closed: add the closing `'` where the value ends (a `'` inside the value is written `''`) (yaml: Missing closing 'quote)"],
  ['text after the closing quote', cm('  name: web\ndata:\n  greeting: "say "hi""\n'), "yaml-syntax@6:19 text after the closing `\"` of this value: a quoted value ends at its closing quote; write a `\"` inside it as `\\\"`, or put the whole value in single quotes (yaml: Unexpected scalar at node end)"],
  ['an escape sequence YAML does not know', cm('  name: web\ndata:\n  path: "C:\\data"\n'), "yaml-syntax@6:12 `\\d` is not an escape sequence YAML knows: inside double quotes write a backslash as `\\\\`, or use single quotes, inside which a backslash is an ordinary character (yaml: Invalid escape sequence \\d)"],
  ['a comment right after a closing quote', cm('  name: web # ok\n  namespace: "prod"# the namespace\n'), "yaml-syntax@5:20 `#` starts a comment only after a space: add a space before it, or move it inside the quotes if it is part of the value (yaml: Comments must be separated from other tokens by white space characters)"],
]);

situations('brackets', [
  ['an unclosed `[`: where it opens, not at the next key where the parser stops', pod('  - name: web\n    args: ["--verbose", "--debug"\n    image: nginx\n'), "yaml-syntax@8:11 this `[` is never closed: add `]` after its last item (if it spans several lines, they must be indented more than `args`) (yaml: Flow sequence in block collection must be sufficiently indented and end with a ])"],
  ['an unclosed `{`', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web\ndata:\n  a: b\n', "yaml-syntax@3:11 this `{` is never closed: add `}` after its last item (if it spans several lines, they must be indented more than `metadata`) (yaml: Flow map in block collection must be sufficiently indented and end with a })"],
  ['a `[` list over several lines whose next line is not indented enough: at that line', pod('  - name: web\n    args: ["--verbose",\n    "--debug"]\n    image: nginx\n'), "yaml-syntax@9:5 this line continues the `[` opened on line 8, so it must be indented more than `args` (column 5): indent it (yaml: Flow sequence in block collection must be sufficiently indented and end with a ])"],
  ['a closing bracket with nothing to close', cm('  name: web\n  labels: {app: web}}\n'), "yaml-syntax@5:21 this `}` closes nothing: no `{` is open before it; remove it (yaml: Unexpected flow-map-end token in YAML stream: \"}\")"],
  ['a missing comma between two pairs in braces: at the second key', cm('  name: web\n  labels: {app: web tier: front}\n'), "yaml-syntax@5:21 a comma is missing before `tier`: inside `{...}` or `[...]` items are separated by commas (yaml: Block collections are not allowed within flow collections)"],
]);

situations('block text (`|`, `>`)', [
  ['a line less indented than the text above it', cm('  name: web\ndata:\n  script: |\n      echo one\n    echo two\n'), "yaml-syntax@8:5 this line is indented less than the `|` text of `script` (line 6) above it, so the text ends before it and it is read as a key, which lines up with no key above: indent it to column 7, like the text above it (yaml: All mapping items must start at the same column)"],
  ['text not indented under its key', cm('  name: web\ndata:\n  script: |\necho one\n'), "yaml-syntax@7:1 this line seems to be the text of the `|` block of `script` on line 6, but it is not indented more than `script`, so it is read as a key: indent it (yaml: Implicit map keys need to be followed by map values)"],
]);

situations('other mistakes', [
  ['a duplicated key: at the second one, naming the line of the first', cm('  name: web\n  labels:\n    app: web\n  name: api\n'), "duplicate-key@7:3 duplicate key \"name\": it is already set on line 4 of this mapping, and kubectl refuses a key given twice; remove or rename one of them (yaml: Map keys must be unique)"],
  ['a value starting with a reserved character', cm('  name: web\ndata:\n  owner: @team\n'), "yaml-syntax@6:10 an unquoted value cannot start with `@`, which YAML reserves: put the value in quotes (yaml: Plain value cannot start with reserved character @)"],
  ['`*` with no alias name', data('  a: *\n'), "yaml-syntax@6:6 `*` starts an alias and must be followed by the anchor's name: put the value in quotes if `*` is part of it (yaml: Alias cannot be an empty string)"],
  ['`&` with no anchor name', data('  a: & x\n'), "yaml-syntax@6:6 `&` starts an anchor and must be followed by its name: put the value in quotes if `&` is part of it (yaml: Anchor cannot be an empty string)"],
  ['two anchors on one value', data('  a: &x &y b\n'), "yaml-syntax@6:9 a value can have one anchor (`&name`) at most: remove the others (yaml: A node can have at most one anchor)"],
  ['two tags on one value', data('  a: !!str !!str b\n'), "yaml-syntax@6:12 a value can have one tag (`!name`) at most: remove the others, or put the value in quotes if `!` is part of it (yaml: A node can have at most one tag)"],
  ['an alias with a tag', "apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: web}\ndata: !!map *m\n", "yaml-syntax@4:13 an alias (`*name`) cannot have a tag or an anchor of its own: remove them (yaml: An alias node must not specify any properties)"],
  ['a missing comma in brackets', data('  list: [\'a\' \'b\']\n'), "yaml-syntax@6:14 a comma is missing before this item: inside `[...]` items are separated by commas (yaml: Missing , or : between flow sequence items)"],
  ['a bare ${VAR} placeholder inside braces: at its `$`', data('  settings: {mode: ${MODE}, level: 2}\n'), "yaml-syntax@6:20 inside `{...}` or `[...]`, the `{` of a `${...}` placeholder opens a mapping: put the value in quotes (`\"${...}\"`), or write this collection in block style (yaml: Unexpected flow-map-start at node end)"],
  ['two commas in a row', data('  list: [a,,b]\n'), "yaml-syntax@6:12 an empty item: a comma with nothing before it; remove the extra `,` (yaml: Unexpected , in flow sequence)"],
  ['text after `|` on its line', data('  script: | echo\n    more\n'), "yaml-syntax@6:13 after `|` or `>` only an indentation number, `+` or `-` and a comment may follow on the line: the text starts on the next line, indented (yaml: Not a YAML token: echo)"],
  ['a `- ` list on the line of its key', data('  items: - a\n'), "yaml-syntax@6:10 a `- ` list cannot start on the line of its key: start it on the next line, indented under the key, or put the value in quotes if `-` is part of it (yaml: Unexpected block-seq-ind on same line with key)"],
  ['a line starting with `%`', "%FOO bar\napiVersion: v1\nkind: ConfigMap\n", "yaml-syntax@1:1 a line starting with `%` is a YAML directive, and a document after directives must start with a `---` line: put the text in quotes if it is a value, or add `---` after the directive (yaml: Missing directives-end/doc-start indicator line)"],
  ['a tag handle never declared', data('  a: !x!y b\n'), "yaml-syntax@6:6 `!x!y` starts with a tag handle that no `%TAG` line declares: put the value in quotes if `!` is part of it (yaml: Could not resolve tag: !x!y)"],
  ['text after a closing bracket', data('  a: [b] c\n'), "yaml-syntax@6:10 text after the closing `]`: remove it, or move it inside the brackets (yaml: Unexpected scalar at node end)"],
]);

describe('the same words wherever YAML is read', () => {
  const broken = [cm('  name: web\n labels:\n    app: web\n'), pod('  - name: web\n    command: echo a: b\n'), cm('  name: "web\n')];

  it('kustomizations and patches (read as plain documents) get the same message at the same place', () => {
    for (const text of broken) {
      const plain = parsePlainDocuments(text, 'm.yaml').diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column} ${d.message}`);
      expect(plain).toEqual(said(text));
    }
  });

  it('explains 3,000 broken documents of one file in linear time (splitting the file per document took 57 s for 5,000)', () => {
    const text = cm('  name: web\n labels: {}\n---\n').repeat(3_000);
    let found = 0;
    expect(cpuMs(() => (found = parse(text).diagnostics.length + parsePlainDocuments(text, 'm.yaml').diagnostics.length))).toBeLessThan(5000);
    expect(found).toBe(6_000);
  });

  it('says the same every time', () => {
    const once = broken.map(said);
    expect([...broken].reverse().map(said).reverse()).toEqual(once);
  });

  it("quotes nothing of a Secret's text, keys included: a broken Secret's lines may be parts of its values", () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n    sesame: open\n';
    expect(said(secret)).toEqual([
      'yaml-syntax@7:5 <redacted> is indented more than <redacted> on line 6, which already has a value on its line: move it to column 3 to make it a sibling of <redacted>, or, if it belongs under <redacted>, remove the value <redacted> (yaml: Nested mappings are not allowed in compact mappings)',
    ]);
  });
});
