/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The preview's stand-in for a Google Form (/forms/ID, and /forms/ID/edit for the owner's link): the form
 * the survey wizard described, fillable. Submitting posts to /api/form, where the in-memory Forms twin
 * appends the response row and the add-on's form-submit trigger runs, as in Sheets. Every text is set as
 * text: role names and questions come from the user.
 */
import type { FormItem, FormSpec } from '../../core/survey/forms';
import type { Answer, FormView } from '../protocol';

const root = document.getElementById('form-root') as HTMLElement;
const match = /^\/forms\/([^/]+)(\/edit)?$/.exec(window.location.pathname);
const formId = match ? decodeURIComponent(match[1]) : '';
const editing = !!match?.[2];

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

let ids = 0;
const uid = () => `f${++ids}`;

/** One question card, filled in with `given` (a customer's link); `read` gives its answer (undefined when blank). */
function question(
  item: FormItem,
  given: string | number | undefined,
): { card: HTMLElement; read: () => string | number | undefined; required: boolean } {
  const card = el('div', { class: 'card' });
  const mark = item.required ? [' ', el('span', { class: 'req', 'aria-hidden': 'true' }, '*')] : [];
  const help = item.help ? el('p', { class: 'help' }, item.help) : null;
  if (item.kind === 'scale' || item.kind === 'choice') {
    const set = el('fieldset');
    const name = uid();
    set.append(el('legend', {}, item.title, ...mark));
    if (help) set.append(help);
    const box = el('div', { class: item.kind === 'scale' ? 'scale' : 'choice', role: 'radiogroup' });
    if (item.required) box.setAttribute('aria-required', 'true');
    const values: (string | number)[] =
      item.kind === 'scale' && item.scale
        ? Array.from({ length: item.scale[1] - item.scale[0] + 1 }, (_, i) => item.scale![0] + i)
        : [...item.choices];
    if (item.kind === 'scale' && item.scale) box.append(el('span', { class: 'end' }, item.scale[2]));
    for (const v of values) {
      const input = el('input', { type: 'radio', name, value: String(v) });
      if (given !== undefined && String(given) === String(v)) input.checked = true;
      if (editing) input.disabled = true;
      box.append(item.kind === 'scale' ? el('label', {}, String(v), input) : el('label', {}, input, ' ', String(v)));
    }
    if (item.kind === 'scale' && item.scale) box.append(el('span', { class: 'end' }, item.scale[3]));
    set.append(box);
    card.append(set);
    const read = () => {
      const on = box.querySelector<HTMLInputElement>('input:checked');
      if (!on) return undefined;
      return item.kind === 'scale' ? Number(on.value) : on.value;
    };
    return { card, read, required: item.required };
  }
  const id = uid();
  const input =
    item.kind === 'paragraph'
      ? el('textarea', { id })
      : el('input', item.email ? { id, type: 'email', autocomplete: 'email', spellcheck: 'false' } : { id, type: 'text' });
  if (given !== undefined) input.value = String(given);
  if (editing) input.disabled = true;
  if (item.required) input.setAttribute('aria-required', 'true');
  card.append(el('label', { class: 'q', for: id }, item.title, ...mark));
  if (help) card.append(help);
  card.append(input);
  return { card, read: () => input.value.trim() || undefined, required: item.required };
}

function render(view: FormView): void {
  const spec: FormSpec = view.spec;
  document.title = `${spec.title} – Leadlag preview`;
  const banner = el(
    'p',
    { class: 'banner' },
    editing
      ? 'Local preview: in Google Forms this link opens the form\u2019s editor. Here it shows the questions Leadlag created.'
      : !view.accepting
        ? 'Local preview: this form is not accepting responses (it is unpublished or closed in Google Forms).'
        : view.responseSheet
          ? `Local preview: this page stands in for the Google Form. A response lands in the sheet \u201c${view.responseSheet}\u201d and runs Leadlag\u2019s form-submit trigger, as in Sheets.`
          : 'Local preview: this form has no response sheet in the spreadsheet, so a response stays in the form until it is linked again.',
  );
  const head = el('div', { class: 'card head' }, el('h1', {}, spec.title), el('p', {}, spec.description));
  if (spec.items.some((i) => i.required)) head.append(el('p', { class: 'note' }, '* Required'));
  const form = el('form', { novalidate: '' });
  const questions: { q: string; role: string | null; read: () => string | number | undefined; required: boolean; title: string }[] = [];
  /** Per role: the cards of its section, shown when the role question picks it (branching) or always (per role). */
  const sections = new Map<string, HTMLElement[]>();
  let roleBox: (() => string | number | undefined) | null = null;
  for (const item of spec.items) {
    if (item.kind === 'section') {
      const card = el('div', { class: 'card section' }, el('h2', {}, item.title));
      form.append(card);
      sections.set(item.role ?? '', [card]);
      continue;
    }
    const made = question(item, item.q ? view.prefill[item.q] : undefined);
    form.append(made.card);
    if (item.role !== null && spec.role === null) sections.get(item.role)?.push(made.card);
    if (item.q === 'role') roleBox = made.read;
    questions.push({
      q: item.q ?? '',
      role: spec.role === null ? item.role : null,
      read: made.read,
      required: made.required,
      title: item.title,
    });
  }
  const chosenRole = () => (roleBox ? String(roleBox() ?? '') : null);
  const showSections = () => {
    const role = chosenRole();
    for (const [name, cards] of sections) for (const c of cards) c.hidden = role !== null && name !== role;
  };
  form.addEventListener('change', showSections);
  showSections();
  const error = el('p', { class: 'error', role: 'alert' });
  const submit = el('button', { type: 'submit' }, 'Submit');
  if (editing || !view.accepting) submit.disabled = true;
  form.append(el('div', { class: 'actions' }, submit), error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (editing) return;
    const role = chosenRole();
    const answers: Record<string, string | number> = {};
    const missing: string[] = [];
    for (const q of questions) {
      if (q.role !== null && q.role !== role) continue;
      const v = q.read();
      if (v === undefined) {
        if (q.required) missing.push(q.title);
      } else answers[q.q] = v;
    }
    if (missing.length) {
      error.textContent = `Answer the required question${missing.length > 1 ? 's' : ''}: ${missing.join('; ')}`;
      return;
    }
    submit.disabled = true;
    error.textContent = '';
    void fetch('/api/form', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: view.id, answers }),
    })
      .then((r) => r.json() as Promise<Answer>)
      .then((answer) => {
        if ('error' in answer) throw new Error(answer.error);
        const again = el('button', { type: 'button', class: 'secondary' }, 'Submit another response');
        again.addEventListener('click', () => render(view));
        root.replaceChildren(
          el(
            'div',
            { class: 'card head' },
            el('h1', {}, spec.title),
            el('p', { 'data-confirmation': '' }, spec.confirmation),
            el('div', { class: 'actions' }, again),
          ),
        );
        again.focus();
      })
      .catch((err: Error) => {
        error.textContent = err.message;
        submit.disabled = false;
      });
  });
  root.replaceChildren(banner, head, form);
}

fetch(`/api/form?id=${encodeURIComponent(formId)}&prefill=${encodeURIComponent(window.location.search)}`)
  .then(async (r) => {
    const body = (await r.json()) as FormView | { error: string };
    if ('error' in body) throw new Error(body.error);
    render(body);
  })
  .catch((e: Error) => root.replaceChildren(el('div', { class: 'card head' }, el('h1', {}, 'Form not found'), el('p', {}, e.message))));
