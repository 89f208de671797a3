import { kubernetesTags } from './yaml-schema.js';

/** How every document is composed: kubectl's scalar typing, merge keys, duplicate keys refused. */
export const COMPOSE_OPTIONS = {
  prettyErrors: false,
  merge: true,
  schema: 'core',
  customTags: kubernetesTags,
  uniqueKeys: true,
  strict: true,
} as const;
