import { type TrackerSummary } from '../measures/improvementSummary';

/** The mails the automation sends the owner: plain text, short, with what to do next. */
export interface Mail {
  readonly subject: string;
  readonly body: string;
}

export interface OverdueLine {
  readonly id: string;
  readonly customer: string;
  readonly wrong: string;
  /** ISO day. */
  readonly due: string;
}

/**
 * The weekly digest: what is open and overdue on the improvement tracker, as last read (`asOf`), and the
 * oldest overdue actions.
 */
export function digestMail(
  where: { spreadsheet: string; url: string; asOf: string },
  s: TrackerSummary,
  overdue: readonly OverdueLine[],
  /** Done actions closed without telling the customer what changed, where they left an address for it. */
  unreplied: { readonly count: number; readonly ids: readonly string[] } = { count: 0, ids: [] },
): Mail {
  const lines = overdue.map((o) => `- #${o.id} ${o.customer ? `${o.customer}: ` : ''}${o.wrong} (due ${o.due})`);
  if (s.overdue > lines.length) lines.push(`- ... and ${s.overdue - lines.length} more`);
  const ids = unreplied.ids.filter(Boolean).map((id) => `#${id}`);
  const more = unreplied.count > ids.length && ids.length ? ` and ${unreplied.count - ids.length} more` : '';
  const owed = unreplied.count
    ? `${unreplied.count === 1 ? '1 action was' : `${unreplied.count} actions were`} closed without telling the customer what changed, though they left an address for it${ids.length ? ` (${ids.join(', ')}${more})` : ''}: open Leadlag › Customer survey › Actions and replies to review and send the replies.\n\n`
    : '';
  return {
    subject: `Leadlag: ${s.open} open, ${s.overdue} overdue actions in "${where.spreadsheet}"${unreplied.count ? `, ${unreplied.count} ${unreplied.count === 1 ? 'reply' : 'replies'} to send` : ''}`,
    body:
      `Improvement tracker of "${where.spreadsheet}" (as of ${where.asOf}): ${s.open} open, ${s.overdue} overdue, ${s.done} done.\n\n` +
      (lines.length ? `Overdue:\n${lines.join('\n')}\n\n` : '') +
      owed +
      `Give each action an owner and a next step; close it with the result: ${where.url}`,
  };
}

/** The reminder to survey again (monthly or quarterly). */
export function reminderMail(spreadsheet: string, links: readonly { title: string; url: string }[]): Mail {
  return {
    subject: `Leadlag: time to survey your customers again ("${spreadsheet}")`,
    body:
      'Surveying regularly shows whether your changes worked. Send these links to your customers:\n\n' +
      links.map((l) => `${l.title}: ${l.url}`).join('\n') +
      '\n\nAnswers land in the spreadsheet, and every unhappy one becomes an action on the improvement tracker.',
  };
}
