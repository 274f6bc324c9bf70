/// <reference types="google-apps-script" />
import type { LockOutcome, LockPort } from '../../ports/lock';
import type { MailPort } from '../../ports/mail';
import type { PropertiesPort } from '../../ports/properties';
import { UserError } from '../../handlers';

/**
 * The scorecard's `withLock` (ServerDeps): runs fn holding the document lock, waiting a second for it;
 * another build or the form-submit trigger holding it is a message to wait. Without a document lock
 * (getDocumentLock() returns null outside a document) nothing runs: a build that raced another would
 * write the sheet twice.
 */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock)
    throw new UserError(
      'Apps Script gave Leadlag no lock on this spreadsheet, so it changed nothing. Reload the spreadsheet and try again.',
    );
  if (!lock.tryLock(1000))
    throw new UserError(
      'Leadlag is busy with this spreadsheet (building the scorecard or processing responses). Wait a moment, then try again.',
    );
  try {
    return fn();
  } finally {
    SpreadsheetApp.flush(); // "call SpreadsheetApp.flush() prior to releasing the lock" (LockService reference)
    lock.releaseLock();
  }
}

/**
 * The document lock (LockService). getDocumentLock() "returns null" outside the context of a containing
 * document (https://developers.google.com/apps-script/reference/lock/lock-service): that is `unavailable`,
 * and the caller does nothing (the responses wait for a run that has the lock), never a run without it.
 */
export function appsScriptLock(): LockPort {
  let held: GoogleAppsScript.Lock.Lock | null = null;
  return {
    acquire(ms): LockOutcome {
      held = null;
      const lock = LockService.getDocumentLock();
      if (!lock) return 'unavailable';
      if (!lock.tryLock(ms)) return 'busy';
      held = lock;
      return 'locked';
    },
    release() {
      if (!held) return;
      SpreadsheetApp.flush();
      held.releaseLock();
      held = null;
    },
  };
}

/** The user's own address (Session.getEffectiveUser, scope userinfo.email): '' where Apps Script does not give it. */
export function effectiveUserEmail(): string {
  try {
    return Session.getEffectiveUser().getEmail() ?? '';
  } catch {
    return '';
  }
}

/**
 * Mail sent as the user (MailApp, scope script.send_mail): `sendEmail(recipient, subject, body, options)`, with
 * the HTML body as `htmlBody` (the plain body stays for mail programs without HTML) and the sender's name as
 * `name` ("Defaults to the sender's username": left out for the user's own name).
 */
export const appsScriptMail: MailPort = {
  send(to, subject, body, options = {}) {
    const name = options.senderName === undefined ? 'Leadlag' : options.senderName;
    MailApp.sendEmail(to, subject, body, {
      ...(name ? { name } : {}),
      ...(options.htmlBody !== undefined ? { htmlBody: options.htmlBody } : {}),
    });
  },
};

/** The document's or the user's properties (PropertiesService), reached when first used. */
export function appsScriptProperties(user: boolean): PropertiesPort {
  const p = () => (user ? PropertiesService.getUserProperties() : PropertiesService.getDocumentProperties());
  return {
    get: (k) => p().getProperty(k),
    set: (k, v) => void p().setProperty(k, v),
    remove: (k) => void p().deleteProperty(k),
    keys: () => p().getKeys(),
  };
}
