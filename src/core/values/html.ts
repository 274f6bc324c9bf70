/**
 * Text from data as HTML text or an attribute value: the five characters HTML reads as markup become
 * entities, so a comment such as `<img src=x onerror=…>` shows as typed and never runs.
 *
 * @example escapeHtml('Tom & "Jerry" <b>') // 'Tom &amp; &quot;Jerry&quot; &lt;b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
