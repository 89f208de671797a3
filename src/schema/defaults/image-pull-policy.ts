/**
 * A container's imagePullPolicy when it has none (pkg/apis/core/v1/defaults.go, SetDefaults_Container):
 * Always when the image's tag is `latest`, IfNotPresent otherwise. The tag comes from
 * pkg/util/parsers/parsers.go ParseImageName, which reads the image as a normalized docker
 * reference (github.com/distribution/reference, normalize.go ParseNormalizedNamed, regexp.go):
 * no tag and no digest means the tag `latest`; an image that does not parse has no tag, so
 * IfNotPresent (its error is ignored there: validation reports the image).
 */

const ALPHANUMERIC = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALPHANUMERIC}(?:${SEPARATOR}${ALPHANUMERIC})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const NAME = `(?:${HOST}(?::[0-9]+)?/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
/** regexp.go anchoredIdentifierRegexp: a bare image ID is not a name. */
const IDENTIFIER = /^[a-f0-9]{64}$/;
/** reference.go NameTotalLengthMax. */
const NAME_TOTAL_LENGTH_MAX = 255;

/** normalize.go splitDockerDomain: the domain a name without one gets, and `library/` for an official image. */
function normalized(image: string): string | undefined {
  if (IDENTIFIER.test(image)) return undefined;
  const slash = image.indexOf('/');
  let domain = 'docker.io';
  let remainder = image;
  const first = slash === -1 ? '' : image.slice(0, slash);
  if (slash !== -1 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first)) {
    domain = first;
    remainder = image.slice(slash + 1);
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  // "repository name (%s) must be lowercase": the remainder up to its first ':'.
  const name = remainder.includes(':') ? remainder.slice(0, remainder.indexOf(':')) : remainder;
  if (name.toLowerCase() !== name) return undefined;
  return `${domain}/${remainder}`;
}

/** The tag ParseImageName gives: `latest` when neither tag nor digest is written, '' when there is a digest alone or the image does not parse. */
export function imageTag(image: string): string {
  const full = normalized(image);
  const m = full === undefined ? null : REFERENCE.exec(full);
  if (!m || m[1]!.length > NAME_TOTAL_LENGTH_MAX) return '';
  if (m[2] !== undefined) return m[2];
  return m[3] !== undefined ? '' : 'latest';
}

export function defaultPullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  return typeof image === 'string' && imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent';
}
