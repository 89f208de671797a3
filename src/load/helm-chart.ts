/**
 * Helm chart sources are not manifests: `Chart.yaml` describes the chart, and the files under a
 * chart's `templates/` are Go templates that only `helm template` turns into YAML. Read as
 * manifests they fail on every `{{ ... }}`. A chart is a directory holding `Chart.yaml`
 * (helm's chartutil.IsChartDir); its `crds/` are plain manifests and stay checked.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type HelmSource = { kind: 'chart-metadata' | 'template'; chart: string };

export class HelmCharts {
  /** Directory -> whether it holds a Chart.yaml. */
  private readonly isChart = new Map<string, boolean>();

  /** What `file` (absolute) is to a Helm chart, if anything. */
  classify(file: string): HelmSource | undefined {
    const dir = path.dirname(file);
    const base = path.basename(file);
    if ((base === 'Chart.yaml' || base === 'Chart.lock') && this.chartAt(dir)) return { kind: 'chart-metadata', chart: dir };
    // The nearest chart above the file whose templates/ holds it (a subchart under charts/ is its own chart).
    for (let d = dir; ; d = path.dirname(d)) {
      if (path.basename(d) === 'templates' && this.chartAt(path.dirname(d))) return { kind: 'template', chart: path.dirname(d) };
      if (this.chartAt(d) || path.dirname(d) === d) return undefined;
    }
  }

  private chartAt(dir: string): boolean {
    let known = this.isChart.get(dir);
    if (known === undefined) {
      known = fs.existsSync(path.join(dir, 'Chart.yaml'));
      this.isChart.set(dir, known);
    }
    return known;
  }
}
