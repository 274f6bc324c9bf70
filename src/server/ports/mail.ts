/** Sending mail as the user (MailApp; `memory/mail.ts` keeps what was sent). Plain text only. */
export interface MailPort {
  send(to: string, subject: string, body: string): void;
}
