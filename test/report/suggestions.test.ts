/**
 * Quick fixes in the machine-readable reports: `--format json` carries a finding's suggestion
 * (the edits `check --fix` makes) and SARIF its `fixes[]`, so that bots and code scanning can
 * apply them; findings without one read exactly as before.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySuggestionEdits } from '../../src/core/index.js';
import { check, formatReport, type RunReport } from '../../src/index.js';
import { sarifErrors } from './sarif-schema.js';
import { tempTree } from '../helpers.js';

// A misspelled field (one edit replacing the key) and a container without requests (lines inserted).
const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePulPolicy: Always
`;

describe('suggestions in json and sarif', () => {
  const dir = tempTree({ 'deploy.yaml': DEPLOY });
  const result = check(['deploy.yaml'], { cwd: dir, enable: ['missing-requests'] });
  const report: RunReport = { diagnostics: result.diagnostics, files: result.files };
  const withFix = result.diagnostics.filter((d) => d.suggestion);

  it('the input has findings with a quick fix and findings without', () => {
    expect(withFix.map((d) => d.ruleId).sort()).toEqual(['missing-requests', 'unknown-field']);
    expect(result.diagnostics.length).toBeGreaterThan(withFix.length);
  });

  it('json: the suggestion\'s edits, which applied to the file fix it; nothing added to the others', () => {
    const out = JSON.parse(formatReport('json', report, { cwd: dir }));
    const typo = out.diagnostics.find((d: { ruleId: string }) => d.ruleId === 'unknown-field');
    expect(typo.suggestion).toEqual({ title: expect.stringContaining('imagePullPolicy'), edits: [{ file: 'deploy.yaml', line: 16, column: 11, endLine: 16, endColumn: 25, newText: 'imagePullPolicy' }] });
    expect(Object.keys(typo)).toEqual(['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'path', 'resource', 'suggestion']);
    for (const d of out.diagnostics.filter((x: { suggestion?: unknown }) => !x.suggestion)) expect(Object.keys(d)).not.toContain('suggestion');
    expect(out.diagnostics.filter((d: { suggestion?: unknown }) => d.suggestion)).toHaveLength(withFix.length);
    // What a bot does with them: the file, edited, has no misspelling left.
    const fixed = applySuggestionEdits(fs.readFileSync(path.join(dir, 'deploy.yaml'), 'utf8'), [{ key: 0, edits: typo.suggestion.edits }]).text;
    expect(fixed).toContain('          imagePullPolicy: Always\n');
    expect(fixed).not.toContain('imagePulPolicy');
  });

  it('sarif: fixes[] with one artifactChange per file, valid against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatReport('sarif', report, { cwd: dir, srcRoot: dir }));
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0].results as { ruleId: string; fixes?: unknown[] }[];
    expect(results.filter((r) => r.fixes)).toHaveLength(withFix.length);
    expect(results.find((r) => r.ruleId === 'unknown-field')!.fixes).toEqual([
      {
        description: { text: expect.stringContaining('imagePullPolicy') },
        artifactChanges: [
          {
            artifactLocation: { uri: 'deploy.yaml', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 16, startColumn: 11, endLine: 16, endColumn: 25 }, insertedContent: { text: 'imagePullPolicy' } }],
          },
        ],
      },
    ]);
    // An insertion: an empty region, the lines to add as its content.
    const insertion = results.find((r) => r.ruleId === 'missing-requests')!.fixes as { artifactChanges: { replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[];
    const added = insertion[0]!.artifactChanges[0]!.replacements[0]!;
    expect(added.deletedRegion.startLine).toBe(added.deletedRegion.endLine);
    expect(added.deletedRegion.startColumn).toBe(added.deletedRegion.endColumn);
    expect(added.insertedContent.text).toContain('requests');
    for (const r of results.filter((x) => !x.fixes)) expect(Object.keys(r)).not.toContain('fixes');
  });
});
