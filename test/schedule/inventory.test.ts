/** The node inventory: Nodes as kubectl prints them, NodePools, and broken inventories reported in place. */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { buildInventory, scheduleWorkloads } from '../../src/schedule/index.js';
import { container, deployment, node, pool } from './harness.js';

const inventory = (yaml: string) => buildInventory(parseManifests(yaml, 'nodes.yaml').resources);
const diagnostics = (yaml: string) => inventory(yaml).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`);

describe('node inventory', () => {
  it('expands a NodePool into named nodes spread round robin over its zones', () => {
    const { nodes } = inventory(pool('general', 4, '{cpu: "2", memory: 8Gi}', '  zones: [a, b]\n  labels: {tier: web}\n  taints: [{key: dedicated, value: web, effect: NoSchedule}]\n'));
    expect(nodes.map((n) => [n.name, n.labels['topology.kubernetes.io/zone'], n.labels['kubernetes.io/hostname'], n.labels.tier])).toEqual([
      ['general-0', 'a', 'general-0', 'web'],
      ['general-1', 'b', 'general-1', 'web'],
      ['general-2', 'a', 'general-2', 'web'],
      ['general-3', 'b', 'general-3', 'web'],
    ]);
    expect(Object.fromEntries(nodes[0]!.allocatable)).toEqual({ cpu: 2000, memory: 8 * 2 ** 30, pods: 110 });
    expect(nodes[0]!.taints).toEqual([{ key: 'dedicated', value: 'web', effect: 'NoSchedule' }]);
  });

  it('reads a Node as kubectl prints it, allocatable falling back to capacity, in name order', () => {
    const yaml = node('b', '{cpu: 1500m, memory: 1Gi, pods: "10", nvidia.com/gpu: "2", hugepages-2Mi: 4Mi}') + 'apiVersion: v1\nkind: Node\nmetadata: {name: a}\nstatus:\n  capacity: {cpu: "4", memory: 2Gi, pods: "20"}\n';
    const { nodes } = inventory(yaml);
    expect(nodes.map((n) => n.name)).toEqual(['a', 'b']);
    expect(Object.fromEntries(nodes[0]!.allocatable)).toEqual({ cpu: 4000, memory: 2 * 2 ** 30, pods: 20 });
    expect(Object.fromEntries(nodes[1]!.allocatable)).toEqual({ cpu: 1500, memory: 2 ** 30, pods: 10, 'nvidia.com/gpu': 2, 'hugepages-2Mi': 4 * 2 ** 20 });
    expect(nodes[1]!.unschedulable).toBe(false);
  });

  it('warns about a NodePool\'s schema errors with the API server\'s wording, and leaves it out, saying so, only when it has no count', () => {
    const yaml = 'apiVersion: kubeproof.dev/v1alpha1\nkind: NodePool\nmetadata: {name: p}\nspec:\n  count: three\n  allocatable: {cpu: "2"}\n  taints: [{key: k, effect: NoWay}]\n';
    expect(inventory(yaml).nodes).toEqual([]);
    expect(diagnostics(yaml)).toEqual([
      '3:18 error invalid-inventory NodePool "p" is left out of the dry run: spec.count "three" is not a whole number of nodes',
      '5:10 warning invalid-type spec.count: Invalid value: "string": spec.count in body must be of type integer: "string"',
      '7:29 warning unsupported-value spec.taints[0].effect: Unsupported value: "NoWay": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
    // The same taint with a count: the pool's nodes are made (a taint of no known effect keeps no pod off).
    expect(inventory(yaml.replace('count: three', 'count: 2')).nodes.map((n) => n.name)).toEqual(['p-0', 'p-1']);
  });

  it('leaves out a NodePool whose count would take the inventory past the most nodes a dry run makes (the fuzzer\'s count: 1e+308 ran out of memory)', () => {
    const yaml = pool('a', 14_999, '{cpu: "2"}') + pool('huge', 1e308, '{cpu: "2"}') + pool('b', 1, '{cpu: "2"}') + pool('c', 1, '{cpu: "2"}');
    const made = inventory(yaml).nodes;
    expect(made).toHaveLength(15_000);
    expect(made.some((n) => n.name.startsWith('c-'))).toBe(false);
    expect(diagnostics(yaml).filter((d) => d.includes('invalid-inventory'))).toEqual([
      expect.stringContaining('NodePool "huge" is left out of the dry run: spec.count 1e+308 would take the inventory past 15,000 nodes, the most a dry run makes (the largest clusters offered today)'),
      expect.stringContaining('NodePool "c" is left out of the dry run: spec.count 1 would take the inventory past 15,000 nodes'),
    ]);
  });

  it('reports amounts that are not quantities (leaving the node out), duplicate node names and kinds that are not nodes', () => {
    const yaml = pool('p', 1, '{cpu: "2"}') + node('p-0', '{cpu: "1"}') + node('q', '{cpu: 2 cores}') + 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n';
    expect(inventory(yaml).nodes.map((n) => [n.name, n.source.id.kind])).toEqual([['p-0', 'NodePool']]);
    expect(diagnostics(yaml)).toEqual([
      '11:9 error invalid-inventory node "p-0" is declared twice (also by NodePool "p"): this one is left out of the dry run',
      '22:9 error invalid-inventory Node "q" is left out of the dry run: status.allocatable[cpu] is not a quantity',
      `28:22 error invalid-quantity status.allocatable[cpu]: Invalid value: "2 cores": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      '31:7 error invalid-inventory ConfigMap "c" is not a Node, a CSINode or a NodePool (kubeproof.dev/v1alpha1): a node inventory holds only those',
    ]);
  });

  it('schedules on a hand-written Node without the status.nodeInfo fields the scheduler never reads, with warnings about them', () => {
    const yaml = 'apiVersion: v1\nkind: Node\nmetadata: {name: hand}\nstatus:\n  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}\n  nodeInfo: {kubeletVersion: v1.33.0, architecture: amd64}\n';
    const { nodes, diagnostics: found } = inventory(yaml);
    expect(nodes.map((n) => [n.name, Object.fromEntries(n.allocatable)])).toEqual([['hand', { cpu: 4000, memory: 8 * 2 ** 30, pods: 110 }]]);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
    expect(found.map((d) => d.message)).toContain('status.nodeInfo.bootID: Required value');
    expect(found.map((d) => d.message)).toContain('status.nodeInfo.machineID: Required value');
    const app = parseManifests(deployment('web', 2, container('{cpu: "1"}')), 'app.yaml').resources;
    expect(scheduleWorkloads(app, nodes).report.pods.map((p) => p.node)).toEqual(['hand', 'hand']);
  });

  it('leaves out a Node without a name, saying so, instead of scheduling on a node named ""', () => {
    const yaml = 'apiVersion: v1\nkind: Node\nmetadata: {labels: {a: b}}\nstatus:\n  allocatable: {cpu: "4"}\n';
    expect(inventory(yaml).nodes).toEqual([]);
    expect(diagnostics(yaml)).toEqual(['3:1 error invalid-inventory a Node without metadata.name is left out of the dry run: the scheduler knows a node by its name']);
  });

  it('reports each node with its zone label and the pool that made it, when it has them', () => {
    const nodes = inventory(pool('general', 2, '{cpu: "2", memory: 8Gi}', '  zones: [a, b]\n') + node('solo', '{cpu: "1", pods: "10"}') + node('zoned', '{cpu: "1", pods: "10"}', { labels: { 'topology.kubernetes.io/zone': 'c' } })).nodes;
    const { report } = scheduleWorkloads([], nodes);
    expect(report.nodes.map(({ name, zone, pool }) => ({ name, zone, pool }))).toEqual([
      { name: 'general-0', zone: 'a', pool: 'general' },
      { name: 'general-1', zone: 'b', pool: 'general' },
      { name: 'solo', zone: undefined, pool: undefined },
      { name: 'zoned', zone: 'c', pool: undefined },
    ]);
    expect(Object.keys(report.nodes[2]!)).toEqual(['name', 'allocatable', 'requested', 'pods']);
  });
});
