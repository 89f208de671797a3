/** The name rules live in core (the CEL format library needs them too); re-exported for the schema checks. */
export * from '../../core/names.js';
