import type { RuleContext, RuleDocs } from './types.js';
import { containersOf } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'latest-tag',
  severity: 'warning',
  description: 'A container image without a tag, or tagged latest',
  docs: 'An image without a tag means `:latest`: what runs changes whenever someone pushes, rollbacks do not roll back, and nodes may run different versions. Pin a version tag or, better, a digest.',
  perResource: true,
  examples: { bad: 'image: nginx', good: 'image: nginx:1.27.3' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      const image = container.image;
      if (typeof image !== 'string' || image.includes('@')) continue;
      const lastSegment = image.slice(image.lastIndexOf('/') + 1);
      const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : undefined;
      if (tag !== undefined && tag !== 'latest') continue;
      ctx.report({ resource: t.resource, pointer: `${pointer}/image`, message: tag === 'latest' ? `image "${image}" uses the latest tag; pin a version` : `image "${image}" has no tag, so it means latest; pin a version` });
    }
  }
}
