import type { CallArgs, CallName, Results } from '../rpc/contract';
import type { Transport } from './transport';

/**
 * The sidebar's one typed client: the call names, arguments and results come from the contract
 * (src/rpc/contract.ts) that the server's dispatch checks against, so the two sides cannot drift.
 * Every failure reaches the UI as a `CallError` whose message is for the user, never a stack trace.
 */
export interface Client {
  call<N extends CallName>(name: N, args: CallArgs<N>): Promise<Results[N]>;
  /** Brings a sheet to the front (the `showSheet` call; see docs/preview.md). */
  showSheet(sheet: string): Promise<void>;
}

export class CallError extends Error {}

const UNREACHABLE =
  'Leadlag could not reach the spreadsheet (the connection may have dropped). Check your connection, then try again. Nothing was changed.';

/** The message to show for a failed call: the server's words, without prefixes or stack lines. */
export function userMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const lines = raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^at\s/.test(l) && !/\.(gs|js|ts):\d+/.test(l));
  const text = lines
    .join(' ')
    .replace(/^(ScriptError|Exception|Error|UserError|TypeError):\s*/, '')
    .trim();
  if (!text || /^(NetworkError|Failed to fetch)|HTTP 0/i.test(text)) return UNREACHABLE;
  return text;
}

export function createClient(transport: Transport): Client {
  const call = async (name: string, args: unknown): Promise<unknown> => {
    try {
      return await transport.rpc(name, args);
    } catch (e) {
      throw new CallError(userMessage(e));
    }
  };
  return {
    call: (name, args) => call(name, args) as Promise<never>,
    showSheet: async (sheet) => {
      await call('showSheet', { sheet });
    },
  };
}
