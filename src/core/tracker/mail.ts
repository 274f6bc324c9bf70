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
): Mail {
  const lines = overdue.map((o) => `- #${o.id} ${o.customer ? `${o.customer}: ` : ''}${o.wrong} (due ${o.due})`);
  if (s.overdue > lines.length) lines.push(`- ... and ${s.overdue - lines.length} more`);
  return {
    subject: `Leadlag: ${s.open} open, ${s.overdue} overdue actions in "${where.spreadsheet}"`,
    body:
      `Improvement tracker of "${where.spreadsheet}" (as of ${where.asOf}): ${s.open} open, ${s.overdue} overdue, ${s.done} done.\n\n` +
      (lines.length ? `Overdue:\n${lines.join('\n')}\n\n` : '') +
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
