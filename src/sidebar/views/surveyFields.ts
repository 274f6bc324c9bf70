import { h, replace } from '../dom';

/**
 * A problem with one control, shown where the eye and the keyboard are: right under the control (not below
 * the button at the end of the step, out of view), tied to it by aria-describedby and aria-invalid, and the
 * focus moved to the control so that a screen reader reads its label and the problem together.
 */
export interface FieldError {
  /** The element to place under the control (empty until shown). */
  readonly el: HTMLElement;
  show(text: string): void;
  clear(): void;
}

export function fieldError(control: HTMLInputElement | HTMLTextAreaElement): FieldError {
  const id = `${control.id}-error`;
  const el = h('div', { id, class: 'field-error' });
  const described = () => (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
  const clear = () => {
    replace(el);
    control.removeAttribute('aria-invalid');
    const rest = described();
    if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
    else control.removeAttribute('aria-describedby');
  };
  return {
    el,
    show(text) {
      replace(el, h('div', { class: 'error-box' }, h('p', null, text)));
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [...described(), id].join(' '));
      control.focus();
    },
    clear,
  };
}
