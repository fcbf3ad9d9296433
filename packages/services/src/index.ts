/**
 * Wirelens use cases: one per file as `<domain>/<verb-noun>.ts`, each one exported function taking one
 * options object, writing its audit entry in the same transaction as its change. GraphQL resolvers, job
 * handlers and CLI commands call these, so every transport does the same thing for the same action.
 */
export {};
