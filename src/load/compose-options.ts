import { kubernetesTags, kustomizeTags, type ScalarTyping } from './yaml-schema.js';

/** How every document is composed: kubectl's (or kustomize's) scalar typing, merge keys, duplicate keys refused. */
export function composeOptions(typing: ScalarTyping = 'kubectl') {
  return {
    prettyErrors: false,
    merge: true,
    schema: 'core',
    customTags: typing === 'kustomize' ? kustomizeTags : kubernetesTags,
    uniqueKeys: true,
    strict: true,
  } as const;
}
