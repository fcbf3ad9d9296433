/**
 * A bench or script's own arguments for `parseArgs`: `pnpm bench:x -- --flag` passes the `--` on, and
 * `parseArgs` would take everything after it as positional.
 */
export function scriptArgs(argv: readonly string[] = process.argv): string[] {
  return argv.slice(2).filter((arg) => arg !== '--');
}
