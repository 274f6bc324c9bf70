/// <reference types="google-apps-script" />
import type { LockPort } from '../../ports/lock';
import type { MailPort } from '../../ports/mail';
import type { PropertiesPort } from '../../ports/properties';
import { UserError } from '../../handlers';

/**
 * The scorecard's `withLock` (ServerDeps): runs fn holding the document lock, waiting a second for it;
 * another build or the form-submit trigger holding it is a message to wait. Outside a document there is
 * no lock, and fn runs alone.
 */
export function withDocumentLock<T>(fn: () => T): T {
  const lock = LockService.getDocumentLock();
  if (lock && !lock.tryLock(1000))
    throw new UserError(
      'Leadlag is busy with this spreadsheet (building the scorecard or processing responses). Wait a moment, then try again.',
    );
  try {
    return fn();
  } finally {
    lock?.releaseLock();
  }
}

/** The document lock (LockService). Outside a document there is none, and a run goes ahead alone, as the scorecard build does. */
export function appsScriptLock(): LockPort {
  let lock: GoogleAppsScript.Lock.Lock | null = null;
  return {
    tryLock(ms) {
      lock = LockService.getDocumentLock();
      return !lock || lock.tryLock(ms);
    },
    release() {
      lock?.releaseLock();
    },
  };
}

/** Mail sent as the user (MailApp, scope script.send_mail). */
export const appsScriptMail: MailPort = {
  send(to, subject, body) {
    MailApp.sendEmail(to, subject, body, { name: 'Leadlag' });
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
