/** The `images:` transformer: name, tag and digest rewrites wherever containers live. */
import { isMap } from '../fieldspec.js';
import type { Origin, RenderResource } from '../resource.js';

export interface ImageRule {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
}

/**
 * The rules in order, as kustomize runs one transformer per entry. Where the containers are is
 * found once per resource, not once per rule: rules only change `image` strings, never where
 * containers are, and an overlay with dozens of image entries walked every object that often.
 */
export function setImages(resources: RenderResource[], rules: readonly { rule: ImageRule; origin: Origin }[]): void {
  const compiled = rules.flatMap(({ rule, origin }) => {
    // The name is used as an unescaped regular expression, as kustomize does.
    try {
      const re = new RegExp(`^${rule.name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`);
      // V8 compiles a pattern on its first use: one too large to compile ("Regular expression too
      // large", a name of a megabyte) throws there, so use it once here, inside the try.
      re.test('');
      return [{ rule, origin, re }];
    } catch {
      return [];
    }
  });
  if (compiled.length === 0) return;
  for (const r of resources) {
    if (r.kind === 'CustomResourceDefinition') continue;
    const sites = containerSites(r.object);
    for (const { rule, origin, re } of compiled) {
      for (const { container, pointer } of sites) {
        if (typeof container.image === 'string' && re.test(container.image)) {
          container.image = rewrite(container.image, rule);
          r.setOrigin(`${pointer}/image`, origin);
        }
      }
      // kustomize's field-spec pass runs again over pod and template containers: a tag suffix lands twice.
      if (rule.tagSuffix && !rule.newTag && !rule.digest) {
        for (const base of [['spec'], ['spec', 'template', 'spec']]) {
          let node: unknown = r.object;
          for (const k of base) node = isMap(node) ? node[k] : undefined;
          for (const key of ['containers', 'initContainers']) {
            const list = isMap(node) ? node[key] : undefined;
            if (Array.isArray(list)) for (const c of list) if (isMap(c) && typeof c.image === 'string' && re.test(c.image)) c.image = rewrite(c.image, rule);
          }
        }
      }
    }
  }
}

/** Every map in a `containers` or `initContainers` list anywhere in the object, with its pointer, in walk order. */
function containerSites(object: unknown): { container: Record<string, unknown>; pointer: string }[] {
  const sites: { container: Record<string, unknown>; pointer: string }[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => visit(n, `${pointer}/${i}`));
    else if (isMap(node)) {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
          value.forEach((c, i) => isMap(c) && sites.push({ container: c, pointer: `${pointer}/${key}/${i}` }));
        }
        visit(value, `${pointer}/${key}`);
      }
    }
  };
  visit(object, '');
  return sites;
}

export function rewrite(image: string, rule: ImageRule): string {
  const slash = image.indexOf('/');
  const searchFrom = slash === -1 ? 0 : slash;
  const at = image.indexOf('@', searchFrom);
  const colon = image.indexOf(':', searchFrom);
  let name = image;
  let tag = '';
  let digest = '';
  if (at !== -1 && (colon === -1 || at < colon)) {
    name = image.slice(0, at);
    digest = image.slice(at + 1);
  } else if (colon !== -1 && at !== -1) {
    name = image.slice(0, colon);
    tag = image.slice(colon + 1, at);
    digest = image.slice(at + 1);
  } else if (colon !== -1) {
    name = image.slice(0, colon);
    tag = image.slice(colon + 1);
  }
  if (rule.newName) name = rule.newName;
  if (rule.newTag && rule.digest) return `${name}:${rule.newTag}@${rule.digest}`;
  if (rule.newTag) return `${name}:${rule.newTag}`;
  if (rule.digest) return `${name}@${rule.digest}`;
  if (rule.tagSuffix) return `${name}:${tag}${rule.tagSuffix}`;
  return `${name}${tag ? ':' + tag : ''}${digest ? '@' + digest : ''}`;
}
