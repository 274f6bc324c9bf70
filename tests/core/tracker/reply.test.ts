import fc from 'fast-check';
import { escapeHtml, replyDraft, replyHtml } from '../../../src/core/tracker/reply';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "' onmouseover='alert(1)",
  '</p><iframe src="javascript:alert(1)">',
  '&lt;b&gt; is not bold',
  '=HYPERLINK("http://evil.test","click")',
  'javascript:alert(1)',
];

describe('"you said, we did": the reply mail', () => {
  test('escapeHtml turns every markup character into an entity, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
    expect(escapeHtml('plain text, £12.50 — ok')).toBe('plain text, £12.50 — ok');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;'); // an entity in the data is shown as typed, not read
  });

  test('escaped text never holds a markup character, whatever it is (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const e = escapeHtml(s);
        expect(/[<>"']/.test(e)).toBe(false);
        // Every & starts one of the five entities.
        expect(e.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        // And it reads back as the same text.
        expect(
          e
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&#39;/g, "'")
            .replace(/&amp;/g, '&'),
        ).toBe(s);
      }),
    );
  });

  test('the draft: their words quoted, what changed, their own link to answer again', () => {
    const d = replyDraft({
      said: 'Invoices are  often\nwrong',
      on: '2026-05-04',
      changed: 'Every invoice is now checked against the order before it goes out.',
      link: 'https://docs.google.com/forms/d/e/abc/viewform?entry.1=Acme',
    });
    expect(d.subject).toBe('What we changed after your feedback');
    expect(d.body).toBe(
      [
        'Hello,',
        '',
        'On 2026-05-04 you told us:',
        '',
        '> Invoices are often wrong',
        '',
        'What we changed: Every invoice is now checked against the order before it goes out.',
        '',
        'Would you tell us again how we are doing? It takes two minutes:',
        'https://docs.google.com/forms/d/e/abc/viewform?entry.1=Acme',
        '',
        'Thank you,',
      ].join('\n'),
    );
    const bare = replyDraft({ said: '', on: null, changed: 'We call back within a day.', link: null });
    expect(bare.body).toContain('You told us we could do better.');
    expect(bare.body).toContain('Just reply to this mail.');
  });

  test('hostile text in the customer’s words and in the note stays text in the HTML body', () => {
    for (const bad of HOSTILE) {
      const link = 'https://forms.test/f?entry.1=%3Cimg%3E';
      const d = replyDraft({ said: bad, on: '2026-05-04', changed: bad, link });
      const html = replyHtml(d.body, [link]);
      // Every tag is one the body is made of, with no attribute but style and href.
      for (const tag of html.match(/<[^>]*>/g)!) {
        expect(tag).toMatch(/^<\/?(div|p|br|blockquote|a)( (style|href)="[^"]*")*>$/);
      }
      expect(html).toContain(escapeHtml(bad));
    }
  });

  test('paragraphs, line breaks, quotes; only the survey link becomes a link, not an address in the customer’s words', () => {
    const link = 'https://ex.test/a?b=1&c=2';
    const html = replyHtml(
      `Hello,\n\n> They said "a < b" see http://evil.test\n> twice\n\nLine one\nLine two ${link}.\n\njavascript:alert(1)`,
      [link, 'javascript:alert(1)'],
    );
    expect(html).toContain('<p style="margin:0 0 1em">Hello,</p>');
    expect(html).toContain('>They said &quot;a &lt; b&quot; see http://evil.test<br>twice</blockquote>');
    expect(html).toContain('Line one<br>Line two <a href="https://ex.test/a?b=1&amp;c=2">https://ex.test/a?b=1&amp;c=2</a>.');
    expect(html).toContain('<p style="margin:0 0 1em">javascript:alert(1)</p>');
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  test('a long complaint is quoted in part; the body stays a short mail', () => {
    const d = replyDraft({ said: 'late '.repeat(2000), on: null, changed: 'x', link: null });
    const quote = d.body.split('\n').find((l) => l.startsWith('> '))!;
    expect(quote.length).toBeLessThanOrEqual(1502);
    expect(quote.endsWith('…')).toBe(true);
  });
});
