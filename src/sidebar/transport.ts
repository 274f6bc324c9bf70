/**
 * How the sidebar reaches the server. In Google Sheets that is `google.script.run`; the local preview
 * injects a `google.script.run` of its own that posts to a local server, so this file (and all of the
 * sidebar) is the same in both: the preview swaps only what is behind `google.script.run`.
 */

/** The server's one entry point, `rpc(name, args)` in src/appsscript/server.ts. */
export interface Transport {
  rpc(name: string, args: unknown): Promise<unknown>;
}

interface ScriptRunner {
  withSuccessHandler(fn: (result: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: unknown) => void): ScriptRunner;
  rpc(name: string, args: unknown): void;
}

declare const google: { script: { run: ScriptRunner } } | undefined;

/** The transport over `google.script.run`, or null when the page has none (opened as a plain file). */
export function scriptRunTransport(): Transport | null {
  if (typeof google === 'undefined' || !google?.script?.run) return null;
  const run = google.script.run;
  return {
    rpc: (name, args) =>
      new Promise((resolve, reject) => {
        run.withSuccessHandler(resolve).withFailureHandler(reject).rpc(name, args);
      }),
  };
}
