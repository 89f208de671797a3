/** Priority admission (plugin/pkg/admission/priority) and the scheduling queue's priority order. */
import { describe, expect, it } from 'vitest';
import { container, deployment, node, placements, priorityClass, schedule } from './harness.js';

const SMALL = '{cpu: "1", memory: 1Gi, pods: "10"}';

describe('priority admission', () => {
  it('gives a pod its class value, the globalDefault class without a name (the lowest when several), 0 without any', () => {
    const classes = priorityClass('high', 1000) + priorityClass('default-a', 50, 'globalDefault: true\n') + priorityClass('default-b', 20, 'globalDefault: true\n');
    const apps = (named: string) => deployment('named', 1, `${named}${container('{cpu: 1m}')}`) + deployment('plain', 1, container('{cpu: 1m}'));
    const r = schedule(classes + apps('priorityClassName: high\n'), node('a', SMALL));
    expect(r.report.pods.map((p) => [p.name, p.priority])).toEqual([
      ['named-0', 1000],
      ['plain-0', 20],
    ]);
    expect(schedule(apps(''), node('a', SMALL)).report.pods.map((p) => p.priority)).toEqual([undefined, undefined]);
  });

  it('knows the two system classes without a PriorityClass among the inputs', () => {
    const r = schedule(deployment('dns', 1, `priorityClassName: system-cluster-critical\n${container('{cpu: 1m}')}`) + deployment('agent', 1, `priorityClassName: system-node-critical\n${container('{cpu: 1m}')}`), node('a', SMALL));
    expect(r.report.pods.map((p) => [p.name, p.priority])).toEqual([
      ['agent-0', 2000001000],
      ['dns-0', 2000000000],
    ]);
    expect(r.report.refused).toEqual([]);
    // A user class may not claim a system value: the API server refuses the class itself.
    const tooHigh = schedule(priorityClass('vip', 1_500_000_000) + deployment('web', 1, `priorityClassName: vip\n${container('{cpu: 1m}')}`), node('a', SMALL));
    expect(tooHigh.report.pods.map((p) => p.priority)).toEqual([undefined]);
    expect(tooHigh.diagnostics.map((d) => d.message)).toEqual(['the API server refuses the pods of Deployment web unless the cluster has the class (no PriorityClass with name vip was found among the inputs); scheduled here with priority 0']);
  });

  it('schedules the pods of a workload naming a class the inputs lack with priority 0, warned at priorityClassName in the admission plugin\'s words (the cluster may have it)', () => {
    const r = schedule(deployment('web', 2, `priorityClassName: hihg\n${container('{cpu: 1m}')}`), node('a', SMALL));
    expect(r.report.pods.map((p) => [p.name, p.node, p.priority])).toEqual([
      ['web-0', 'a', undefined],
      ['web-1', 'a', undefined],
    ]);
    expect(r.report.refused).toEqual([]);
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.message])).toEqual([
      ['priority-admission', 'warning', 10, 'the API server refuses the pods of Deployment web unless the cluster has the class (no PriorityClass with name hihg was found among the inputs); scheduled here with priority 0'],
    ]);
  });

  it('refuses a preemptionPolicy or a priority that differs from what the class gives', () => {
    const never = schedule(deployment('web', 1, `preemptionPolicy: Never\n${container('{cpu: 1m}')}`), node('a', SMALL));
    expect(never.report.refused.map((w) => w.message)).toEqual(['the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name']);
    expect(never.diagnostics[0]?.path).toBe('/spec/template/spec/preemptionPolicy');
    const priority = schedule(priorityClass('high', 1000) + deployment('web', 1, `priorityClassName: high\npriority: 7\n${container('{cpu: 1m}')}`), node('a', SMALL));
    expect(priority.report.refused.map((w) => w.message)).toEqual(['the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name']);
    const same = schedule(priorityClass('quiet', 10, 'preemptionPolicy: Never\n') + deployment('web', 1, `priorityClassName: quiet\npreemptionPolicy: Never\npriority: 10\n${container('{cpu: 1m}')}`), node('a', SMALL));
    expect(same.report.refused).toEqual([]);
  });
});

describe('the scheduling queue', () => {
  it('schedules the higher priority first whatever the input order, then input order', () => {
    const apps = (web: string) => deployment('batch', 1, container('{cpu: 600m}')) + deployment('web', 1, `${web}${container('{cpu: 600m}')}`) + deployment('late', 1, container('{cpu: 100m}'));
    const r = schedule(priorityClass('high', 1000) + apps('priorityClassName: high\n'), node('a', SMALL));
    expect(placements(r)).toEqual({ 'web-0': 'a', 'batch-0': 'PENDING: 0/1 nodes are available: 1 Insufficient cpu.', 'late-0': 'a' });
    // Equal priorities keep the input order: the first workload gets the room.
    expect(placements(schedule(apps(''), node('a', SMALL)))).toEqual({ 'batch-0': 'a', 'web-0': 'PENDING: 0/1 nodes are available: 1 Insufficient cpu.', 'late-0': 'a' });
  });
});
