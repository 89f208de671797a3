/**
 * Breaking the example application in each way a rule exists for: each gives its finding at
 * the file and line a person must edit (the base, not the rendered output). Every rule is
 * covered; a rule added without a case here fails the last test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { rules } from '../../src/rules/index.js';
import { REPO_ROOT, tempTree } from '../helpers.js';

type Edit = [file: string, from: string | RegExp, to: string];
/** Rule ids to turn on for a case: the opt-in rules (off by default) are run only when asked. */
type Enable = string[];

function broken(edits: Edit[]): string {
  const dir = tempTree();
  fs.cpSync(path.join(REPO_ROOT, 'overlays-example'), dir, { recursive: true });
  for (const [file, from, to] of edits) {
    const p = path.join(dir, file);
    const text = fs.readFileSync(p, 'utf8');
    const next = text.replace(from, to);
    if (next === text) throw new Error(`edit did not apply to ${file}`);
    fs.writeFileSync(p, next);
  }
  return dir;
}

function findings(dir: string, withInfo = false, enable: Enable = []): string[] {
  return check(['overlays/production'], { cwd: dir, enable })
    .diagnostics.filter((d) => withInfo || d.severity !== 'info')
    .map((d) => `${d.ruleId} ${d.file.replace('overlays/production/../../', '')}:${d.line}`);
}

const REDIS_REQUESTS = '            requests:\n              cpu: 100m\n              memory: 128Mi\n';

/** rule id -> the breakage, and the finding it must produce (file:line in the example tree). */
const CASES: Record<string, { edits: Edit[]; finding: string; enable?: Enable }> = {
  'selector-mismatch': { edits: [['base/web.yaml', 'app.kubernetes.io/name: web\n    spec:', 'app.kubernetes.io/name: frontend\n    spec:']], finding: 'base/web.yaml:13' },
  'service-no-pods': { edits: [['base/web.yaml', 'app.kubernetes.io/name: web\n  ports:', 'app.kubernetes.io/name: wbe\n  ports:']], finding: 'base/web.yaml:52' },
  'service-port-mismatch': { edits: [['base/web.yaml', 'targetPort: http', 'targetPort: https']], finding: 'base/web.yaml:56' },
  'selector-overlap': { edits: [['base/worker.yaml', 'matchLabels:\n      app.kubernetes.io/name: worker', 'matchLabels:\n      app.kubernetes.io/part-of: shop']], finding: 'base/worker.yaml:8' },
  'dangling-networkpolicy': { edits: [['base/network-policy.yaml', 'app.kubernetes.io/name: redis', 'app.kubernetes.io/name: redis-master']], finding: 'base/network-policy.yaml:7' },
  'dangling-pdb': { edits: [['base/api.yaml', 'maxUnavailable: 1', 'maxUnavailable: 0']], finding: 'base/api.yaml:81' },
  'dangling-hpa': { edits: [['base/api.yaml', '    name: api\n  minReplicas', '    name: apii\n  minReplicas']], finding: 'base/api.yaml:65' },
  'missing-configmap': { edits: [['base/api.yaml', 'name: shop-config', 'name: shop-confg']], finding: 'base/api.yaml:24' },
  'missing-secret': { edits: [['base/api.yaml', 'name: api-credentials', 'name: api-credentals']], finding: 'base/api.yaml:26' },
  'missing-configmap-key': { edits: [['base/web.yaml', '- key: nginx.conf', '- key: nginx.cfg']], finding: 'base/web.yaml:43' },
  'missing-secret-key': {
    edits: [['base/api.yaml', '              value: redis\n', '              value: redis\n            - name: TOKEN\n              valueFrom:\n                secretKeyRef:\n                  name: api-credentials\n                  key: NO_SUCH_KEY\n']],
    finding: 'base/api.yaml:34',
  },
  'missing-serviceaccount': { edits: [['base/web.yaml', 'serviceAccountName: shop', 'serviceAccountName: shopp']], finding: 'base/web.yaml:15' },
  'missing-pvc': { edits: [['base/web.yaml', '      volumes:\n', '      volumes:\n        - name: cache\n          persistentVolumeClaim:\n            claimName: web-cache\n']], finding: 'base/web.yaml:41' },
  'missing-priorityclass': { edits: [['base/web.yaml', '      serviceAccountName: shop\n', '      serviceAccountName: shop\n      priorityClassName: shop-critical\n']], finding: 'base/web.yaml:16' },
  'missing-role': {
    edits: [['base/serviceaccount.yaml', 'automountServiceAccountToken: false\n', 'automountServiceAccountToken: false\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: shop-reader\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: reader\nsubjects:\n  - kind: ServiceAccount\n    name: shop\n']],
    finding: 'base/serviceaccount.yaml:14',
  },
  'ingress-missing-service': { edits: [['base/ingress.yaml', 'name: web', 'name: webb']], finding: 'base/ingress.yaml:15' },
  'ingress-missing-port': { edits: [['base/ingress.yaml', 'name: web\n                port:\n                  name: http', 'name: web\n                port:\n                  name: https']], finding: 'base/ingress.yaml:17' },
  'suspicious-unit': { edits: [['base/worker.yaml', 'memory: 256Mi', 'memory: 256m']], finding: 'base/worker.yaml:35' },
  'missing-requests': { edits: [['base/redis.yaml', REDIS_REQUESTS, '']], finding: 'base/redis.yaml:17' },
  'missing-limits': { edits: [['base/redis.yaml', '            limits:\n              memory: 256Mi\n', '']], finding: 'base/redis.yaml:17' },
  'cpu-limit': { edits: [['base/redis.yaml', '              memory: 256Mi\n', '              memory: 256Mi\n              cpu: 500m\n']], finding: 'base/redis.yaml:28' },
  'latest-tag': { edits: [['base/redis.yaml', 'image: redis:7.4', 'image: redis']], finding: 'base/redis.yaml:18' },
  'missing-probes': { edits: [['base/redis.yaml', '          readinessProbe:\n            exec:\n              command: [redis-cli, ping]\n', '']], finding: 'base/redis.yaml:17' },
  'probe-port-mismatch': { edits: [['base/redis.yaml', '              port: redis\n  volumeClaimTemplates', '              port: redis-port\n  volumeClaimTemplates']], finding: 'base/redis.yaml:36' },
  privileged: { edits: [['base/redis.yaml', '          image: redis:7.4\n', '          image: redis:7.4\n          securityContext:\n            privileged: true\n']], finding: 'base/redis.yaml:20' },
  'run-as-root': { edits: [['base/redis.yaml', '          image: redis:7.4\n', '          image: redis:7.4\n          securityContext:\n            runAsUser: 0\n']], finding: 'base/redis.yaml:20' },
  'host-port': { edits: [['base/redis.yaml', '              containerPort: 6379\n', '              containerPort: 6379\n              hostPort: 6379\n']], finding: 'base/redis.yaml:22' },
  'duplicate-env': { edits: [['base/api.yaml', '              value: redis\n', '              value: redis\n            - name: REDIS_HOST\n              value: redis.cache\n']], finding: 'base/api.yaml:30' },
  'invalid-quantity': { edits: [['base/worker.yaml', 'cpu: 200m', 'cpu: 200mc']], finding: 'base/worker.yaml:34' },
  'requests-exceed-limits': { edits: [['base/worker.yaml', 'memory: 512Mi', 'memory: 128Mi']], finding: 'base/worker.yaml:35' },
  'host-namespaces': { edits: [['base/redis.yaml', '      containers:\n        - name: redis', '      hostNetwork: true\n      containers:\n        - name: redis']], finding: 'base/redis.yaml:16' },
  'dangerous-capabilities': { edits: [['base/redis.yaml', '          image: redis:7.4\n', '          image: redis:7.4\n          securityContext:\n            capabilities:\n              add: [SYS_ADMIN]\n']], finding: 'base/redis.yaml:21' },
  'unsafe-sysctls': { edits: [['base/redis.yaml', '      containers:\n        - name: redis', '      securityContext:\n        sysctls:\n          - name: kernel.msgmax\n            value: "65536"\n      containers:\n        - name: redis']], finding: 'base/redis.yaml:18' },
  'host-path-mount': { edits: [['base/web.yaml', '      volumes:\n', '      volumes:\n        - name: sock\n          hostPath:\n            path: /var/run/docker.sock\n']], finding: 'base/web.yaml:41' },
  // The opt-in rules: the example as shipped already breaks the hardening ones (it sets no securityContext).
  'writable-host-mount': {
    edits: [
      ['base/web.yaml', '              mountPath: /etc/nginx/conf.d\n', '              mountPath: /etc/nginx/conf.d\n            - name: cache\n              mountPath: /var/cache/nginx\n'],
      ['base/web.yaml', '      volumes:\n', '      volumes:\n        - name: cache\n          hostPath:\n            path: /srv/cache\n'],
    ],
    finding: 'base/web.yaml:26',
    enable: ['writable-host-mount'],
  },
  'read-only-root-filesystem': { edits: [], finding: 'base/redis.yaml:17', enable: ['read-only-root-filesystem'] },
  'drop-capabilities': { edits: [], finding: 'base/redis.yaml:17', enable: ['drop-capabilities'] },
  'privilege-escalation': { edits: [], finding: 'base/redis.yaml:17', enable: ['privilege-escalation'] },
  'automount-service-account-token': { edits: [], finding: 'base/redis.yaml:15', enable: ['automount-service-account-token'] },
  'default-service-account': { edits: [], finding: 'base/redis.yaml:15', enable: ['default-service-account'] },
  'missing-network-policy': { edits: [], finding: 'base/api.yaml:13', enable: ['missing-network-policy'] },
  'default-namespace': { edits: [['overlays/production/kustomization.yaml', 'namespace: shop-prod', 'namespace: default']], finding: 'overlays/production/kustomization.yaml:3', enable: ['default-namespace'] },
};

describe('the example, broken on purpose', () => {
  it('is clean as shipped', () => {
    expect(findings(path.join(REPO_ROOT, 'overlays-example'))).toEqual([]);
  });

  for (const [rule, { edits, finding, enable }] of Object.entries(CASES)) {
    it(`${rule}: reported at ${finding}`, () => {
      const found = findings(broken(edits), true, enable);
      expect(found, JSON.stringify(found)).toContain(`${rule} ${finding}`);
    });
  }

  it('covers every rule', () => {
    expect(Object.keys(CASES).sort()).toEqual(rules.map((r) => r.meta.id).sort());
  });

  it('reports several breakages at once, each once, and nothing else', () => {
    const dir = broken([
      ['base/web.yaml', 'app.kubernetes.io/name: web\n  ports:', 'app.kubernetes.io/name: wbe\n  ports:'],
      ['base/api.yaml', 'name: api-credentials', 'name: api-credentals'],
      ['base/worker.yaml', 'memory: 256Mi', 'memory: 256m'],
      ['base/redis.yaml', 'image: redis:7.4', 'image: redis'],
      ['base/network-policy.yaml', 'app.kubernetes.io/name: redis', 'app.kubernetes.io/name: redis-master'],
    ]);
    expect(findings(dir)).toEqual([
      'missing-secret base/api.yaml:26',
      'dangling-networkpolicy base/network-policy.yaml:7',
      'latest-tag base/redis.yaml:18',
      'service-no-pods base/web.yaml:52',
      'suspicious-unit base/worker.yaml:35',
    ]);
  });
});
