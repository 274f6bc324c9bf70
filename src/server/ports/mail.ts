/** Sending mail as the user (MailApp; `adapters/memory/services.ts` keeps what was sent). Plain text only. */
export interface MailPort {
  send(to: string, subject: string, body: string): void;
}
