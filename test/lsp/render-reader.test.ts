/** render()'s `readFile` option, which the language server builds overlays through: unsaved buffers in, every read seen. */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { render } from '../../src/render/index.js';
import { tempTree } from '../helpers.js';

const configMap = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: ${value}\n`;

describe('render with a file reader', () => {
  const dir = tempTree({
    'base/kustomization.yaml': 'resources:\n  - cm.yaml\n',
    'base/cm.yaml': configMap('info'),
    'overlay/kustomization.yaml': 'namePrefix: dev-\nresources:\n  - ../base\n',
  });
  const real = fs.realpathSync(dir);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads every file of the build through it, so a buffer can stand in for the disk', () => {
    const reads: string[] = [];
    const edited = Buffer.from(configMap('debug'));
    const readFile = (file: string) => {
      reads.push(path.relative(real, file));
      return file.endsWith('cm.yaml') ? edited : fs.readFileSync(file);
    };
    const rendered = render(path.join(dir, 'overlay'), { readFile });
    expect(rendered.yaml).toContain('level: debug');
    expect(rendered.yaml).toContain('name: dev-settings');
    expect(reads.sort()).toEqual([path.join('base', 'cm.yaml'), path.join('base', 'kustomization.yaml'), path.join('overlay', 'kustomization.yaml')]);

    // The same Buffer again: the same build, from the parse made the first time; a later build without the reader reads the disk.
    expect(render(path.join(dir, 'overlay'), { readFile }).yaml).toBe(rendered.yaml);
    expect(render(path.join(dir, 'overlay')).yaml).toContain('level: info');
  });

  it('positions findings in the text it gave, and reports a build error through it too', () => {
    const broken = render(path.join(dir, 'overlay'), { readFile: (file) => (file.endsWith('cm.yaml') ? Buffer.from('data: [1\n') : fs.readFileSync(file)) });
    expect(broken.diagnostics).toMatchObject([{ ruleId: 'kustomize-build', file: path.join(real, 'base', 'kustomization.yaml'), line: 2, column: 5 }]);
    expect(broken.diagnostics[0]!.message).toMatch(/^cm\.yaml:\d+:\d+: /);
  });
});
