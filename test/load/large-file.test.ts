import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPaths } from '../../src/load/index.js';
import { tempTree } from '../helpers.js';

function deployment(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 17}
  labels: {app.kubernetes.io/name: app-${i}}
spec:
  replicas: 2
  selector:
    matchLabels: {app.kubernetes.io/name: app-${i}}
  template:
    metadata:
      labels: {app.kubernetes.io/name: app-${i}}
    spec:
      containers:
        - name: main
          image: registry.example.com/team/app:${i}
          ports: [{containerPort: 8080, name: http}]
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}
          env:
            - {name: MODE, value: production}
---
`;
}

// 4 MB (about 16,000 documents in one file, so positions late in a long file are proven) keeps
// npm test fast; what a 50 MB or larger file costs in time and memory is `npm run bench`'s job.
const SIZE = 4 * 1024 * 1024;

describe('a large file', () => {
  it('loads completely, every document with its positions', { timeout: 60_000 }, () => {
    const dir = tempTree();
    const file = path.join(dir, 'big.yaml');
    const fd = fs.openSync(file, 'w');
    let size = 0;
    let count = 0;
    while (size < SIZE) {
      const doc = deployment(count++);
      fs.writeSync(fd, doc);
      size += Buffer.byteLength(doc);
    }
    fs.closeSync(fd);
    const linesPerDoc = deployment(0).split('\n').length - 1;

    const result = loadPaths(['big.yaml'], { cwd: dir });
    expect(result.errors).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    expect(result.resources).toHaveLength(count);
    const last = result.resources[count - 1]!;
    expect(last.id).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: `team-${(count - 1) % 17}`, name: `app-${count - 1}` });
    expect(last.source.locate('/spec/template/spec/containers/0/image').value).toMatchObject({ line: (count - 1) * linesPerDoc + 17, column: 18 });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
