/**
 * "You said, we did": the short mail that tells a customer what changed after they spoke up. The add-on
 * drafts it (their own words, what was changed, an invitation to answer again); the owner reviews and edits
 * the plain text in the sidebar and sends it with a click. The HTML body is made from that plain text, and
 * every character of it from data is escaped: text stays text in the customer's mail program.
 */

import { escapeHtml } from '../values/html';

/** The one escaping function of every mail's HTML (core/values/html.ts), as the reply and its callers know it. */
export { escapeHtml };

/** What the draft is made of. */
export interface ReplyParts {
  /** What they told us, in their own words ('' when they gave only scores). */
  readonly said: string;
  /** The day they said it (ISO), or null. */
  readonly on: string | null;
  /** What was changed: the tracker's note to the customer. */
  readonly changed: string;
  /** Their own link to the survey (pre-filled with their company), or null. */
  readonly link: string | null;
}

export const REPLY_SUBJECT = 'What we changed after your feedback';
/** The longest subject and body the sidebar may send (a short mail; MailApp takes far more). */
export const REPLY_SUBJECT_MAX = 200;
export const REPLY_BODY_MAX = 20000;
/** How much of the customer's words the draft quotes. */
const SAID_MAX = 1500;

/** The customer's words as the draft quotes them: one paragraph, trimmed, cut at SAID_MAX with "…". */
function quoted(said: string): string {
  const t = said.replace(/\s+/g, ' ').trim();
  return t.length > SAID_MAX ? `${t.slice(0, SAID_MAX - 1).trimEnd()}…` : t;
}

/** The draft as the owner reviews it: a subject and a plain-text body ("> " quotes the customer). */
export function replyDraft(p: ReplyParts): { subject: string; body: string } {
  const said = quoted(p.said);
  const when = p.on ? `On ${p.on} you told us` : 'You told us';
  const lines = ['Hello,', ''];
  if (said) lines.push(`${when}:`, '', `> ${said}`, '');
  else lines.push(`${when} we could do better. Thank you for saying so.`, '');
  lines.push(`What we changed: ${p.changed.trim()}`, '');
  lines.push(
    p.link
      ? `Would you tell us again how we are doing? It takes two minutes:\n${p.link}`
      : 'Would you tell us again how we are doing? Just reply to this mail.',
    '',
    'Thank you,',
  );
  return { subject: REPLY_SUBJECT, body: lines.join('\n') };
}

/**
 * One line of text as HTML: escaped, with the given links (the customer's survey link) as links. Nothing
 * else becomes a link, not even a web address in the customer's own words: the mail goes out in the owner's
 * name. A link is an http or https address.
 */
function lineHtml(line: string, links: readonly string[]): string {
  const usable = links.filter((l) => /^https?:\/\/[^\s<>"']+$/.test(l) || /^\/[^/\s<>"']/.test(l));
  let out = '';
  let rest = line;
  for (;;) {
    let at = -1;
    let link = '';
    for (const l of usable) {
      const i = rest.indexOf(l);
      if (i >= 0 && (at < 0 || i < at)) [at, link] = [i, l];
    }
    if (at < 0) return out + escapeHtml(rest);
    const url = escapeHtml(link);
    out += `${escapeHtml(rest.slice(0, at))}<a href="${url}">${url}</a>`;
    rest = rest.slice(at + link.length);
  }
}

/**
 * The HTML body of a plain-text mail: each paragraph (lines between blank lines) a <p>, its lines joined by
 * <br>; a paragraph whose lines all start with ">" a quote; `links` (where they appear) links. Nothing of the
 * text is markup.
 */
export function replyHtml(body: string, links: readonly string[] = []): string {
  const paragraphs = body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '');
  const html = paragraphs.map((p) => {
    const lines = p.split('\n');
    if (lines.every((l) => /^\s*>/.test(l)))
      return `<blockquote style="margin:0 0 1em;padding:0 0 0 12px;color:#3c4043;border-left:3px solid #dadce0">${lines
        .map((l) => lineHtml(l.replace(/^\s*>\s?/, ''), links))
        .join('<br>')}</blockquote>`;
    return `<p style="margin:0 0 1em">${lines.map((l) => lineHtml(l, links)).join('<br>')}</p>`;
  });
  return `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#202124">${html.join('')}</div>`;
}
