/** The node inventory: Nodes as kubectl prints them, NodePools, and broken inventories reported in place. */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { buildInventory } from '../../src/schedule/index.js';
import { node, pool } from './harness.js';

const inventory = (yaml: string) => buildInventory(parseManifests(yaml, 'nodes.yaml').resources);
const diagnostics = (yaml: string) => inventory(yaml).diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`);

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

  it('reports a broken NodePool at its fields, with the API server\'s wording, and leaves it out', () => {
    const yaml = 'apiVersion: kubeproof.dev/v1alpha1\nkind: NodePool\nmetadata: {name: p}\nspec:\n  count: three\n  allocatable: {cpu: "2"}\n  taints: [{key: k, effect: NoWay}]\n';
    expect(inventory(yaml).nodes).toEqual([]);
    expect(diagnostics(yaml)).toEqual([
      '5:10 invalid-type spec.count: Invalid value: "three": must be an integer',
      '7:29 unsupported-value spec.taints[0].effect: Unsupported value: "NoWay": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });

  it('reports amounts that are not quantities, duplicate node names and kinds that are not nodes', () => {
    const yaml = pool('p', 1, '{cpu: 2 cores}') + node('p-0', '{cpu: "1"}') + 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n';
    expect(diagnostics(yaml)).toEqual([
      `6:22 invalid-quantity spec.allocatable[cpu]: Invalid value: "2 cores": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      '11:9 invalid-inventory node "p-0" is declared twice (also by NodePool "p")',
      '20:7 invalid-inventory ConfigMap "c" is not a Node or a NodePool (kubeproof.dev/v1alpha1): a node inventory holds only those',
    ]);
  });
});
