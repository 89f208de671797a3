import * as rule from '../../src/rules/invalid-quantity.js';
import { ruleTester } from './tester.js';

const pod = (resources: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n    resources: ${resources}\n${extra}`;

ruleTester(rule, {
  valid: [
    { name: 'ordinary amounts', yaml: pod('{requests: {cpu: 500m, memory: 256Mi}, limits: {memory: 1Gi, nvidia.com/gpu: 1}}') },
    { name: 'numbers and exponents', yaml: pod('{requests: {cpu: 0.5, memory: 1e9}}') },
    { name: 'space around the text (the API server trims it)', yaml: pod('{requests: {memory: " 1Gi "}}') },
    { name: 'hugepages in whole pages beside memory', yaml: pod('{limits: {hugepages-2Mi: 4Mi, memory: 1Gi}, requests: {memory: 1Gi}}') },
    { name: 'a string where a quantity belongs is not a quantity error', yaml: pod('{requests: {cpu: [1]}}') },
    {
      name: 'a PersistentVolumeClaim and a quota',
      yaml: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10Gi}}\n---\napiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec:\n  hard: {pods: "10", requests.cpu: "4"}\n',
    },
  ],
  invalid: [
    {
      name: 'text that is not a quantity',
      yaml: pod('{requests: {cpu: 1.5.0, memory: 100MB, ephemeral-storage: 1mi}}'),
      findings: [
        `8:33 spec.containers[0].resources.requests[cpu]: Invalid value: "1.5.0": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
        `8:48 spec.containers[0].resources.requests[memory]: Invalid value: "100MB": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
        `8:74 spec.containers[0].resources.requests[ephemeral-storage]: Invalid value: "1mi": unable to parse quantity's suffix`,
      ],
    },
    { name: 'a negative limit', yaml: pod('{limits: {cpu: -1}}'), findings: ['8:31 spec.containers[0].resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0'] },
    { name: 'half a GPU', yaml: pod('{limits: {nvidia.com/gpu: 0.5}}'), findings: ['8:42 spec.containers[0].resources.limits[nvidia.com/gpu]: Invalid value: "500m": must be an integer'] },
    {
      name: 'hugepages not a multiple of the page size, and without cpu or memory',
      yaml: pod('{limits: {hugepages-2Mi: 3Mi}}'),
      findings: ['8:41 spec.containers[0].resources.limits[hugepages-2Mi]: Invalid value: "3Mi": 3Mi is not positive integer multiple of 2Mi', '8:41 spec.containers[0].resources: Forbidden: HugePages require cpu or memory'],
    },
    { name: 'pod overhead', yaml: pod('{}', '  overhead: {memory: 12 Mi}\n'), findings: [`9:22 spec.overhead[memory]: Invalid value: "12 Mi": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`] },
    {
      name: 'an emptyDir size limit in a Deployment',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec:\n      containers: [{name: c, image: busybox:1}]\n      volumes:\n      - name: scratch\n        emptyDir: {sizeLimit: 1 GB}\n',
      findings: [`12:31 spec.template.spec.volumes[0].emptyDir.sizeLimit: Invalid value: "1 GB": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`],
    },
    {
      name: 'StatefulSet claim templates and quota counts',
      yaml: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  serviceName: s\n  selector: {matchLabels: {app: s}}\n  template:\n    metadata: {labels: {app: s}}\n    spec:\n      containers: [{name: c, image: busybox:1}]\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources: {requests: {storage: ten}}\n---\napiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec:\n  hard: {pods: 2.5}\n',
      findings: [
        `15:39 spec.volumeClaimTemplates[0].spec.resources.requests[storage]: Invalid value: "ten": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
        '21:16 spec.hard[pods]: Invalid value: "2500m": must be an integer',
      ],
    },
  ],
});
