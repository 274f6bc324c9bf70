import { defaultSetup, type SurveySetup } from '../../../src/core/survey/setup';
import { columnMap, responseHeaders, surveyForms, headerKey, type FormSpec } from '../../../src/core/survey/forms';
import { TEXTS } from '../../../src/core/survey/texts';

const setup = (change: Partial<SurveySetup> = {}): SurveySetup => ({ ...defaultSetup('ana@example.com'), ...change });
const questions = (f: FormSpec) => f.items.filter((i) => i.kind !== 'section');

describe('the survey forms', () => {
  const forms = surveyForms(setup());

  test('one form per role, each with its own title and role', () => {
    expect(forms.map((f) => f.role)).toEqual(['Decision maker', 'Day-to-day user', 'Purchasing', 'Technical']);
    expect(forms[0].title).toBe('How are we doing? (Decision maker)');
  });

  test("the questions: company, referral 0–10, better/same/worse, what satisfies, what dissatisfies, the hoped-for result, the role's own", () => {
    const f = forms[0];
    expect(questions(f).map((i) => i.q)).toEqual([
      'customer',
      'referral',
      'comparison',
      'satisfies',
      'dissatisfies',
      'hoped',
      'roleQuestion',
      'contact',
    ]);
    expect(f.items.at(-1)).toMatchObject({ kind: 'text', q: 'contact', title: TEXTS.contact, required: false, email: true });
    const referral = f.items[1];
    expect(referral).toMatchObject({
      kind: 'scale',
      title: 'How likely are you to refer us to a colleague?',
      required: true,
      scale: [0, 10, 'Not at all likely', 'Extremely likely'],
    });
    expect(f.items[2]).toMatchObject({ kind: 'choice', title: TEXTS.comparison, choices: ['Better', 'About the same', 'Worse'] });
    expect(f.items[4].title).toBe(TEXTS.dissatisfies);
  });

  test('the closing line says feedback is acted on', () => {
    for (const f of forms) expect(f.confirmation).toMatch(/each problem you raise becomes an action/);
  });

  test('each role gets its own variant: who to think of and its own question', () => {
    const own = forms.map((f) => f.items.find((i) => i.q === 'roleQuestion')!.title);
    expect(new Set(own).size).toBe(4);
    const peers = forms.map((f) => f.items.find((i) => i.q === 'referral')!.help);
    expect(new Set(peers).size).toBe(4);
  });

  test('CSAT and the role questions are optional', () => {
    const [f] = surveyForms(setup({ csat: true, roleQuestions: false }));
    expect(questions(f).map((i) => i.q)).toEqual([
      'customer',
      'referral',
      'comparison',
      'csat',
      'satisfies',
      'dissatisfies',
      'hoped',
      'contact',
    ]);
    const [n] = surveyForms(setup({ contact: false }));
    expect(n.items.some((i) => i.q === 'contact')).toBe(false);
    expect(f.items.find((i) => i.q === 'csat')!.scale).toEqual([1, 5, 'Very dissatisfied', 'Very satisfied']);
    const [g] = surveyForms(setup({ roleTexts: { 'Decision maker': '' } }));
    expect(g.items.some((i) => i.q === 'roleQuestion')).toBe(false);
  });

  test('the wording can be changed', () => {
    const [f] = surveyForms(
      setup({ texts: { referral: 'Would you recommend us?' }, roleTexts: { 'Decision maker': 'What would you buy next?' } }),
    );
    expect(f.items[1].title).toBe('Would you recommend us?');
    expect(f.items.find((i) => i.q === 'roleQuestion')!.title).toBe('What would you buy next?');
  });

  test("one form whose role question branches to each role's section", () => {
    const all = surveyForms(setup({ layout: 'branching' }));
    expect(all).toHaveLength(1);
    const [f] = all;
    expect(f.role).toBeNull();
    const role = f.items[1];
    expect(role).toMatchObject({ kind: 'choice', q: 'role', required: true, choices: setup().roles });
    role.goTo.forEach((at, k) => {
      expect(f.items[at]).toMatchObject({ kind: 'section', title: setup().roles[k] });
      // The section holds that role's variant of every question.
      const next = role.goTo[k + 1] ?? f.items.length;
      expect(f.items.slice(at + 1, next).every((i) => i.role === setup().roles[k])).toBe(true);
      expect(f.items.slice(at + 1, next).map((i) => i.q)).toEqual([
        'referral',
        'comparison',
        'satisfies',
        'dissatisfies',
        'hoped',
        'roleQuestion',
        'contact',
      ]);
    });
  });

  test("the response sheet's headers and how they are read back", () => {
    const [f] = surveyForms(setup({ layout: 'branching' }));
    const headers = responseHeaders(f);
    expect(headers[0]).toBe('Timestamp');
    expect(headers).toHaveLength(1 + f.items.filter((i) => i.kind !== 'section').length);
    const map = columnMap([f]);
    for (const h of headers.slice(1)) expect(map[headerKey(` ${h.toUpperCase()}  `)]).toBeDefined();
  });

  test('the column map stays small whatever the wording (it is kept in a 9 KB property)', () => {
    const long = (c: string) => c.repeat(480);
    const [f] = surveyForms(
      setup({
        layout: 'branching',
        texts: { referral: long('ж'), comparison: long('ё'), satisfies: long('я'), dissatisfies: long('ю'), hoped: long('щ') },
      }),
    );
    const map = columnMap([f]);
    expect(Object.keys(map).every((k) => /^[0-9a-f]{16}$/.test(k))).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(map))).toBeLessThan(2000);
  });
});
