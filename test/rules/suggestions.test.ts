/** The rules' suggested edits (core/suggestion.ts): offered only when there is one obvious edit. */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { runRules } from '../../src/rules/index.js';

const suggestions = (yaml: string, rule: string) =>
  runRules(parseManifests(yaml, 'm.yaml').resources)
    .filter((d) => d.ruleId === rule)
    .map((d) => d.suggestion);

const deployment = (name: string, app: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  selector: {matchLabels: {app: ${app}}}\n  template:\n    metadata: {labels: {app: ${app}, tier: front}}\n    spec: {containers: [{name: c, image: c:1}]}\n`;
const service = (selector: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector:\n${selector}  ports: [{port: 80}]\n`;

describe('service-no-pods suggestion', () => {
  it("changes a selector value one typo from the one workload's label", () => {
    expect(suggestions(`${service('    app: wbe\n')}---\n${deployment('web', 'web')}`, 'service-no-pods')).toEqual([
      { title: 'Change selector app: wbe to web', edits: [{ file: 'm.yaml', line: 6, column: 10, endLine: 6, endColumn: 13, newText: 'web' }] },
    ]);
  });

  it('offers nothing when two workloads are as near in different ways', () => {
    expect(suggestions(`${service('    app: wbe\n')}---\n${deployment('web', 'web')}---\n${deployment('wbx', 'wbx')}`, 'service-no-pods')).toEqual([undefined]);
  });

  it("reads a template's own labels only: a selector key such as toString is no label the template has (the fuzzer: a suggestion with no text crashed the Secret scrub)", () => {
    const found = suggestions(`${service('    toString: db\n')}---\n${deployment('web', 'web')}`, 'service-no-pods');
    expect(found).toEqual([undefined]);
  });

  it('offers nothing when more than one selector entry differs', () => {
    expect(suggestions(`${service('    app: wbe\n    tier: frnt\n')}---\n${deployment('web', 'web')}`, 'service-no-pods')).toEqual([undefined]);
  });
});

describe('missing-requests suggestion', () => {
  it('offers no stub inside a flow mapping, where new block lines would break the YAML', () => {
    expect(suggestions(deployment('web', 'web'), 'missing-requests')).toEqual([undefined]);
  });
});
