/** The commented starter file `kubeproof init` writes: every key, with what it does and its default. */
export function starterConfig(options: { kubernetesVersion: string }): string {
  return `# kubeproof.yaml: configuration for kubeproof (https://github.com/kubeproof/kubeproof#configuration).
# kubeproof finds this file by walking up from the working directory; --config PATH picks
# another, --no-config ignores it. Paths and globs are relative to this file's directory.
# Command-line flags win over what is set here.

# Kubernetes version whose schemas the manifests are validated against: 1.33, 1.34 or 1.35.
kubernetesVersion: "${options.kubernetesVersion}"

# CustomResourceDefinitions (files or directories) for your custom resources.
crds: []

# A node inventory (v1 Nodes as \`kubectl get nodes -o yaml\` prints them, or kubeproof
# NodePools): check and lint then also dry-run schedule every pod on it.
nodes: []

# Which files to check when a directory is given (globs; ** matches any depth).
include: []
exclude:
  - "**/testdata/**"

# auto: a directory is searched for kustomization roots, and each overlay is checked once.
kustomizeRoots: auto

# References to objects that are not among the inputs (a ConfigMap made elsewhere) are
# errors rather than warnings.
strictRefs: false

# Fail the run when there are more warnings than this; -1 for no limit.
maxWarnings: -1

# Rules: off, info, warning or error; or {severity, options}. \`kubeproof rules\` lists them all.
rules:
  latest-tag: error
  # missing-probes:
  #   severity: warning
  #   options:
  #     probes: [readinessProbe]
  # Your own rules: CEL on \`object\` that must be true for every object \`match\` selects.
  # custom:
  #   - id: min-replicas
  #     severity: error
  #     match: {kinds: [Deployment], namespaces: [prod]}
  #     expression: "object.spec.replicas >= 2"
  #     message: production deployments run at least two replicas

# Severities for some files only, applied in order after \`rules\`.
overrides:
  - files: ["test/**", "**/examples/**"]
    rules:
      missing-probes: off
      missing-requests: off
`;
}
