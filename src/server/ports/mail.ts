/** How a mail goes out beyond its plain text. */
export interface MailOptions {
  /**
   * An HTML body (MailApp's `htmlBody`), shown by mail programs that can; the plain body stays for those that
   * cannot. Every text from data in it must be escaped (core/tracker/reply.ts `escapeHtml`).
   */
  readonly htmlBody?: string;
  /** The sender's name: "Leadlag" for the add-on's own mails; null for the user's own name (a reply to a customer). */
  readonly senderName?: string | null;
}

/** Sending mail as the user (MailApp, scope script.send_mail; `adapters/memory/services.ts` keeps what was sent). */
export interface MailPort {
  send(to: string, subject: string, body: string, options?: MailOptions): void;
}
