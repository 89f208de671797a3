/**
 * Optional values compared with null. cel-go's checker accepts `opt == null` (the API server
 * admitted Gateway API's XBackend rule `format.dns1123Label().validate(self) == null`), and its
 * Optional.Equal (common/types/optional.go) answers false for anything that is not an optional,
 * so the comparison is always false, and `!= null` always true, whatever the optional holds.
 */
import type { Environment } from '@marcbachmann/cel-js';

export function registerOptionalNull(env: Environment): void {
  env.registerOperator('optional == null', () => false);
}
