import type { Client } from './client';
import { guessSheet, type SheetGuess } from './detect';

/**
 * What the sidebar keeps while it is open: the client, and the sheets as last read (read once and
 * shared by the home view and the wizard; "Read the sheets again" reads them afresh).
 */
export type ViewName = 'home' | 'wizard' | 'survey';

export interface Session {
  readonly client: Client;
  /** The sheets with their guessed column roles. */
  tables(): Promise<SheetGuess[]>;
  /** Forgets the sheets read so far (after the user pasted more, or after a build). */
  forgetTables(): void;
  go(view: ViewName): void;
}

export function createSession(client: Client, go: (view: ViewName) => void): Session {
  let tables: Promise<SheetGuess[]> | null = null;
  return {
    client,
    tables() {
      if (!tables) {
        tables = client.call('readTables', {}).then((list) => list.map(guessSheet));
        tables.catch(() => (tables = null));
      }
      return tables;
    },
    forgetTables() {
      tables = null;
    },
    go,
  };
}
