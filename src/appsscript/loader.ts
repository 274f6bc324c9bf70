/**
 * Every execution, each custom-function recalculation included, compiles the whole script. The formulas
 * need only the core; the menu, the sidebar's calls and the survey triggers need the server too (zod, the
 * scorecard builder, forms, triggers, the tracker), about twice as much code. So the server ships as text
 * (dist/Server.js: `var LEADLAG_SERVER_SOURCE = "..."`; scanning a string costs a fraction of compiling
 * it) and is compiled here, once per execution, by the entries that need it.
 */
import type * as ServerEntries from './serverMain';

export type Server = typeof ServerEntries;

/** The global name of the server's IIFE inside LEADLAG_SERVER_SOURCE (scripts/build.ts). */
export const SERVER_GLOBAL = 'LeadlagServer';

let loaded: Server | null = null;

export function server(): Server {
  if (loaded) return loaded;
  const g = globalThis as { LEADLAG_SERVER_SOURCE?: unknown };
  if (typeof g.LEADLAG_SERVER_SOURCE !== 'string') {
    throw new Error('Leadlag is missing its Server file. Reinstall the add-on, or push dist/ again (npm run push).');
  }
  // Our own bundled code, never data: compiled in the global scope, its name kept local.
  const make = new Function(`${g.LEADLAG_SERVER_SOURCE}\nreturn ${SERVER_GLOBAL};\n//# sourceURL=Server.js`) as () => Server;
  return (loaded = make());
}
