import { h, replace, type Child } from '../dom';

/** Pieces every view uses: buttons, the loading line, the error box, focus on a new heading. */

export function button(
  label: string,
  onClick: () => void,
  kind: 'primary' | 'secondary' | 'link' = 'secondary',
  props: Record<string, unknown> = {},
): HTMLButtonElement {
  return h(
    'button',
    {
      type: 'button',
      class: kind === 'link' ? 'link' : kind === 'primary' ? 'action' : 'secondary',
      on: { click: () => onClick() },
      ...props,
    },
    label,
  );
}

export function loading(text: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text);
}

/**
 * A failure as the user sees it: what happened (the server's message says what to do, too),
 * and a way to try again. The message is set as text.
 */
export function errorBox(message: string, retry?: () => void, title = 'That did not work'): HTMLElement {
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h('p', { class: 'error-title' }, title),
    h('p', null, message),
    retry ? h('div', { class: 'actions' }, button('Try again', retry)) : null,
  );
}

/** A list of problems that stop the next step. */
export function problemBox(problems: readonly string[]): HTMLElement {
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h('p', { class: 'error-title' }, problems.length === 1 ? 'One thing to fix first' : 'A few things to fix first'),
    h(
      'ul',
      null,
      problems.map((p) => h('li', null, p)),
    ),
  );
}

/** Moves keyboard and screen-reader focus to a new view's heading. */
export function focusHeading(el: HTMLElement | null): void {
  if (!el) return;
  el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: false });
}

export function section(title: string, id: string, ...children: Child[]): HTMLElement {
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** "“Sales”": a sheet or column name quoted, as text. */
export function quoted(name: string): string {
  return `“${name}”`;
}

/** A short confirmation, announced politely. */
export function said(text: string): HTMLElement {
  return h('p', { role: 'status', class: 'said' }, text);
}

/**
 * A button that makes a server call: the first click disables it and marks it busy, further clicks do
 * nothing until the answer comes, and `progress` shows in `status` meanwhile. `work` shows the result;
 * a failure shows the server's message (what happened and what to do) in `status`, and the button
 * works again.
 */
export function callButton(
  label: string,
  kind: 'primary' | 'secondary' | 'link',
  status: HTMLElement,
  progress: string,
  work: () => Promise<void>,
  failTitle?: string,
  props: Record<string, unknown> = {},
): HTMLButtonElement {
  let busy = false;
  const btn = button(label, () => void run(), kind, props);
  const run = async () => {
    if (busy) return;
    busy = true;
    btn.disabled = true;
    btn.setAttribute('aria-busy', 'true');
    replace(status, loading(progress));
    try {
      await work();
    } catch (e) {
      replace(status, errorBox(e instanceof Error ? e.message : String(e), undefined, failTitle));
    } finally {
      busy = false;
      btn.disabled = false;
      btn.removeAttribute('aria-busy');
      // Disabling moved focus to the page: give it back when the button is still shown.
      if (btn.isConnected && (document.activeElement === document.body || document.activeElement === null)) btn.focus();
    }
  };
  return btn;
}

/** A link that opens in a new tab; `more` is read to screen readers only (e.g. which form). */
export function externalLink(label: string, href: string, more: string): HTMLElement {
  // Only web addresses and the preview's own paths become links (never javascript: or data:).
  if (!/^(https:\/\/|http:\/\/|\/(?!\/))/i.test(href)) return h('span', { class: 'hint' }, `${label}: ${href}`);
  return h(
    'a',
    { href, target: '_blank', rel: 'noopener noreferrer' },
    label,
    h('span', { class: 'sr-only' }, ` ${more} (opens a new tab)`),
  );
}

/**
 * A question before something is lost (a rebuild would remove cells the manager added): the message, a
 * button that goes ahead and one that does not. The go-ahead button takes the focus.
 */
export function confirmBox(message: string, goLabel: string, onGo: () => void, onCancel: () => void): HTMLElement {
  const go = button(goLabel, onGo, 'primary');
  const box = h(
    'div',
    { class: 'note', role: 'alertdialog', 'aria-label': 'Before rebuilding' },
    h('p', null, message),
    h('div', { class: 'actions' }, go, button('Cancel', onCancel)),
  );
  setTimeout(() => go.focus(), 0);
  return box;
}
