import { h, replace, uid } from '../dom';
import { LAYOUT_CHOICES } from '../survey';
import type { StepView, SurveyContext } from './surveyContext';

/**
 * Step 1: the survey's title, the customer roles to ask (each gets its own variant of the questions;
 * 1 to maxRoles, renamed in place), and one form per role or one form that branches.
 */
export function renderRoles(ctx: SurveyContext): StepView {
  const { draft, maxRoles } = ctx;
  const titleId = uid('survey-title');
  const title = h('input', {
    type: 'text',
    id: titleId,
    value: draft.title,
    maxlength: '100',
    autocomplete: 'off',
    'aria-describedby': `${titleId}-hint`,
  });
  title.addEventListener('input', () => (draft.title = title.value));

  const listId = uid('roles');
  const list = h('ol', { class: 'role-list' });
  const limit = h('p', { class: 'hint', id: `${listId}-limit` });
  const announce = h('p', { class: 'sr-only', role: 'status' });
  const add = h(
    'button',
    { type: 'button', class: 'secondary', 'aria-describedby': limit.id, on: { click: () => addRole() } },
    'Add a role',
  );

  const draw = () => {
    const one = draft.roles.length <= 1;
    replace(
      list,
      draft.roles.map((role, i) => {
        const id = `${listId}-r${i}`;
        const input = h('input', { type: 'text', id, value: role.name, maxlength: '40', autocomplete: 'off' });
        input.addEventListener('input', () => (role.name = input.value));
        const remove = h(
          'button',
          {
            type: 'button',
            class: 'secondary remove',
            disabled: one,
            'aria-describedby': one ? limit.id : null,
            on: { click: () => removeRole(i) },
          },
          'Remove',
          h('span', { class: 'sr-only' }, ` role ${i + 1}`),
        );
        return h('li', { class: 'role-row' }, h('label', { for: id, class: 'sr-only' }, `Role ${i + 1}`), input, remove);
      }),
    );
    const full = draft.roles.length >= maxRoles;
    add.disabled = full;
    replace(
      limit,
      full
        ? `${maxRoles} roles at most: remove one to add another.`
        : one
          ? `A survey asks at least one role. Up to ${maxRoles}.`
          : `Up to ${maxRoles} roles.`,
    );
  };
  const inputAt = (i: number) => list.querySelectorAll('input')[i] as HTMLInputElement | undefined;

  const addRole = () => {
    if (draft.roles.length >= maxRoles) {
      replace(announce, `${maxRoles} roles at most: remove one to add another.`);
      return;
    }
    draft.roles.push({ name: '', own: null });
    draw();
    replace(announce, `Role ${draft.roles.length} added: type its name.`);
    inputAt(draft.roles.length - 1)?.focus();
  };

  const removeRole = (i: number) => {
    if (draft.roles.length <= 1) return;
    const [gone] = draft.roles.splice(i, 1);
    draw();
    replace(announce, gone.name.trim() ? `Removed the role “${gone.name.trim()}”.` : `Removed role ${i + 1}.`);
    (inputAt(Math.min(i, draft.roles.length - 1)) ?? add).focus();
  };

  const layoutName = uid('layout');
  const layout = h(
    'fieldset',
    null,
    h('legend', null, 'Forms'),
    h(
      'div',
      { class: 'radios stacked' },
      LAYOUT_CHOICES.map((c) => {
        const id = `${layoutName}-${c.value}`;
        const input = h('input', {
          type: 'radio',
          name: layoutName,
          id,
          value: c.value,
          checked: draft.layout === c.value,
          'aria-describedby': `${id}-hint`,
        });
        input.addEventListener('change', () => input.checked && (draft.layout = c.value));
        return h(
          'div',
          { class: 'radio-choice' },
          h('span', { class: 'radio' }, input, h('label', { for: id }, c.label)),
          h('p', { class: 'hint', id: `${id}-hint` }, c.hint),
        );
      }),
    ),
  );

  draw();
  const el = h(
    'div',
    null,
    h(
      'p',
      null,
      'Ask each kind of customer their own version of the questions: the more specific the question, the more specific the answer.',
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: titleId }, 'Survey title'),
      title,
      h('p', { class: 'hint', id: `${titleId}-hint` }, 'Customers see it at the top of the form.'),
    ),
    h('fieldset', null, h('legend', null, 'Roles to ask'), list, h('div', { class: 'role-add' }, add, limit), announce),
    layout,
  );
  return { el };
}
