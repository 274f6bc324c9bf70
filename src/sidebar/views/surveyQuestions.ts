import type { SurveyPreview } from '../../rpc/contract';
import type { FormItem, FormSpec } from '../../core/survey/forms';
import { roleVariant } from '../../core/survey/texts';
import { h, plural, replace, uid } from '../dom';
import type { CallError } from '../client';
import { TEXT_IDS, TEXT_LABELS, previewSetup, roleKey } from '../survey';
import { button, errorBox, focusHeading, loading, problemBox } from './common';
import type { StepView, SurveyContext } from './surveyContext';

/** How long typing pauses before the preview updates. */
const DEBOUNCE_MS = 600;

/**
 * Step 2: the questions each role gets, as the server would create them (previewSurvey), or what is wrong
 * with the roles. The optional questions and the wording can change here; the preview follows.
 */
export function renderQuestions(ctx: SurveyContext): StepView {
  const { draft } = ctx;
  const area = h('div', { class: 'survey-preview', 'aria-busy': 'true' }, loading('Preparing the questions…'));
  const note = h('div', { class: 'preview-note' });
  let seq = 0;
  let dirty = true;
  let last: SurveyPreview | null = null;
  let running: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = (): Promise<void> => {
    clearTimeout(timer);
    const mine = ++seq;
    dirty = false;
    area.setAttribute('aria-busy', 'true');
    if (last) replace(note, loading('Updating the preview…'));
    running = ctx.session.client.call('previewSurvey', { setup: previewSetup(draft) }).then(
      (r) => {
        if (mine !== seq) return;
        last = r;
        const open = [...area.querySelectorAll('details')].map((d) => d.open);
        area.setAttribute('aria-busy', 'false');
        replace(note);
        replace(area, r.problems.length ? problemsView(r.problems) : formsView(r.forms, open));
      },
      (e: CallError) => {
        if (mine !== seq) return;
        last = null;
        dirty = true;
        area.setAttribute('aria-busy', 'false');
        replace(note);
        replace(
          area,
          errorBox(e.message, () => void run(), 'The questions could not be shown'),
        );
      },
    );
    return running;
  };

  /** A change: the preview updates at once (a choice) or when typing pauses. */
  const changed = (now: boolean) => {
    dirty = true;
    clearTimeout(timer);
    if (now) void run();
    else timer = setTimeout(() => el.isConnected && void run(), DEBOUNCE_MS);
  };

  const problemsView = (problems: readonly string[]) =>
    h(
      'div',
      null,
      problemBox(problems),
      h('p', null, 'Change the title or the roles in step 1, or the wording above; the preview follows.'),
      h(
        'div',
        { class: 'actions' },
        button('Back to the roles', () => ctx.go(0)),
      ),
    );

  const roleBox = h('div', { class: 'role-texts' });
  const drawRoleTexts = () => {
    roleBox.hidden = !draft.roleQuestions;
    replace(
      roleBox,
      h('h3', null, 'Each role’s own question'),
      h('p', { class: 'hint' }, 'Leave one empty to ask that role no question of its own.'),
      draft.roles.map((role, i) => {
        const name = roleKey(role.name);
        return textField(`Role ${i + 1}: ${name || '(no name yet)'}`, role.own ?? (name ? roleVariant(name)[1] : ''), (v) => {
          role.own = v;
          changed(false);
        });
      }),
    );
  };

  const options = h(
    'fieldset',
    null,
    h('legend', null, 'Optional questions'),
    checkbox('Ask satisfaction (CSAT 1–5)', draft.csat, (on) => {
      draft.csat = on;
      changed(true);
    }),
    checkbox('Ask each role its own question', draft.roleQuestions, (on) => {
      draft.roleQuestions = on;
      drawRoleTexts();
      changed(true);
    }),
    checkbox('Ask for an e-mail address to follow up (“May we contact you about your answer?”)', draft.contact, (on) => {
      draft.contact = on;
      changed(true);
    }),
  );

  const wording = h(
    'details',
    { class: 'wording' },
    h('summary', null, 'Edit wording'),
    h('p', { class: 'hint' }, 'The preview updates as you type. An empty box keeps the standard wording.'),
    TEXT_IDS.map((id) =>
      textField(TEXT_LABELS[id], draft.texts[id] ?? '', (v) => {
        draft.texts[id] = v;
        changed(false);
      }),
    ),
    roleBox,
    h(
      'div',
      { class: 'actions' },
      button('Update preview', () => void run()),
    ),
  );
  drawRoleTexts();

  const el = h(
    'div',
    null,
    h(
      'p',
      null,
      'These are the questions each role gets. Every form opens with the customer’s company and closes with a line that says their feedback is acted on.',
    ),
    options,
    wording,
    h('h3', null, 'Preview'),
    note,
    area,
  );
  void run();

  return {
    el,
    next: async () => {
      if (dirty) await run();
      else await running;
      if (last && !last.problems.length) return true;
      const first = area.firstElementChild as HTMLElement | null;
      const box = first?.classList.contains('error-box') ? first : (area.querySelector<HTMLElement>('.error-box') ?? first);
      focusHeading(box);
      return false;
    },
  };
}

function checkbox(label: string, on: boolean, change: (on: boolean) => void): HTMLElement {
  const id = uid('opt');
  const input = h('input', { type: 'checkbox', id, checked: on });
  input.addEventListener('change', () => change(input.checked));
  return h('div', { class: 'check' }, input, h('label', { for: id }, label));
}

function textField(label: string, value: string, change: (v: string) => void): HTMLElement {
  const id = uid('text');
  const area = h('textarea', { id, rows: '2', maxlength: '500' });
  area.value = value;
  area.addEventListener('input', () => change(area.value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), area);
}

/** The forms as customers will see them, one disclosure each (the first open). */
function formsView(forms: readonly FormSpec[], open: readonly boolean[]): HTMLElement {
  return h(
    'div',
    null,
    h(
      'p',
      { class: 'hint' },
      forms.length === 1 ? 'One form: it asks the role, then shows that role’s questions.' : `${forms.length} forms, one per role.`,
    ),
    forms.map((f, i) => {
      const asked = f.items.filter((x) => x.kind !== 'section').length;
      return h(
        'details',
        { class: 'form-card', open: open[i] ?? i === 0 },
        h('summary', null, f.role ?? 'All roles', h('span', { class: 'hint' }, ` · ${plural(asked, 'question')}`)),
        h('p', { class: 'form-title' }, f.title),
        f.description ? h('p', { class: 'hint' }, f.description) : null,
        h(
          'ol',
          { class: 'questions' },
          f.items.map((item) => itemView(item, f.items)),
        ),
        h('p', { class: 'closing' }, h('span', { class: 'closing-label' }, 'After sending: '), f.confirmation),
      );
    }),
  );
}

const KIND_WORDS = { text: 'Short answer', paragraph: 'Long answer' } as const;

function itemView(item: FormItem, items: readonly FormItem[]): HTMLElement {
  if (item.kind === 'section') return h('li', { class: 'q-section' }, `Section: ${item.title}`);
  let detail: HTMLElement;
  if (item.kind === 'scale' && item.scale) {
    const [lo, hi, loLabel, hiLabel] = item.scale;
    detail = h('p', { class: 'q-kind' }, `Scale ${lo}–${hi}: ${lo} ${loLabel}, ${hi} ${hiLabel}`);
  } else if (item.kind === 'choice') {
    detail = h(
      'ul',
      { class: 'choices' },
      item.choices.map((c, j) => {
        const to = item.goTo[j];
        return h('li', null, c, to !== undefined && items[to] ? h('span', { class: 'hint' }, ` → section ${items[to].title}`) : null);
      }),
    );
  } else {
    detail = h('p', { class: 'q-kind' }, item.kind === 'text' || item.kind === 'paragraph' ? KIND_WORDS[item.kind] : item.kind);
  }
  return h(
    'li',
    { class: 'q' },
    h('p', { class: 'q-title' }, item.title, item.required ? h('span', { class: 'req' }, ' (required)') : null),
    item.help ? h('p', { class: 'hint' }, item.help) : null,
    detail,
  );
}
