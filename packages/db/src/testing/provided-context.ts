// What the global setup hands to database tests (vitest `provide`/`inject`).
declare module 'vitest' {
  export interface ProvidedContext {
    wirelensTestDb: { serverUrl: string; template: string };
  }
}

export {};
