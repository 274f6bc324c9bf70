import { appsScriptForms } from '../../../../src/server/adapters/appsscript/appsScriptForms';
import { columnMap, surveyForms } from '../../../../src/core/survey/forms';
import { defaultSetup } from '../../../../src/core/survey/setup';

/**
 * The forms adapter (src/server/adapters/appsscript/appsScriptForms.ts) against a stand-in of FormApp that
 * records the calls: enough to check the wiring that the in-memory twin cannot (branching, navigation).
 */
const g = globalThis as Record<string, unknown>;

function fakeFormApp(log: string[]) {
  let n = 0;
  const item = (kind: string) => {
    const id = `${kind}${++n}`;
    const self: Record<string, unknown> = { id };
    const proxy: unknown = new Proxy(self, {
      get: (t, k) =>
        k in t
          ? t[k as string]
          : k === 'createChoice'
            ? (v: string, page: { id: string }) => `${v}→${page.id}`
            : (...a: unknown[]) => (log.push(`${id}.${String(k)}(${a.map((x) => JSON.stringify(x)).join(',')})`), proxy),
    });
    return proxy;
  };
  const form = new Proxy({} as Record<string, unknown>, {
    get: (_t, k) => {
      if (k === 'getId') return () => 'FORM';
      if (k === 'getEditUrl') return () => 'https://docs.google.com/forms/d/FORM/edit';
      if (k === 'getPublishedUrl') return () => 'https://docs.google.com/forms/d/e/X/viewform';
      if (String(k).startsWith('add')) return () => item(String(k).slice(3, -4));
      return (...a: unknown[]) => (log.push(`form.${String(k)}(${a.map((x) => JSON.stringify(x)).join(',')})`), form);
    },
  });
  return {
    create: (title: string) => (log.push(`create(${title})`), form),
    PageNavigationType: { SUBMIT: 'SUBMIT' },
    DestinationType: { SPREADSHEET: 'SPREADSHEET' },
  };
}

describe('the forms adapter over FormApp', () => {
  afterEach(() => {
    delete g.FormApp;
    delete g.SpreadsheetApp;
    delete g.ScriptApp;
    delete g.Utilities;
  });

  test("forms: a branching form goes to each role's page, each page submits, responses go to this spreadsheet", () => {
    const log: string[] = [];
    g.FormApp = fakeFormApp(log);
    g.SpreadsheetApp = { flush: () => log.push('flush') };
    const sheets = [
      { getFormUrl: () => null, getName: () => 'Sales' },
      { getFormUrl: () => 'https://docs.google.com/forms/d/FORM/viewform', getName: () => 'Form Responses 1' },
    ];
    const ss = { getId: () => 'SS', getSheets: () => sheets };
    const [spec] = surveyForms({ ...defaultSetup(), roles: ['Buyer', 'User'], layout: 'branching' });
    const made = appsScriptForms(ss as never).create(spec);
    expect(made).toEqual({
      id: 'FORM',
      editUrl: 'https://docs.google.com/forms/d/FORM/edit',
      publishedUrl: 'https://docs.google.com/forms/d/e/X/viewform',
      responseSheet: 'Form Responses 1',
    });
    const pages = log.filter((l) => l.startsWith('PageBreak'));
    expect(pages.filter((l) => l.includes('setGoToPage'))).toEqual([expect.stringMatching(/setGoToPage\("SUBMIT"\)/)]); // the second role's page: the first section ends the form
    const choices = log.find((l) => l.includes('setChoices('))!;
    expect(choices).toMatch(/\["Buyer→PageBreak\d+","User→PageBreak\d+"\]/);
    expect(log.filter((l) => l.startsWith('Scale')).some((l) => l.includes('setBounds(0,10)'))).toBe(true);
    expect(log).toContain('form.setDestination("SPREADSHEET","SS")');
    expect(log.indexOf('flush')).toBeGreaterThan(log.indexOf('form.setDestination("SPREADSHEET","SS")'));
    expect(log).toContain(`form.setConfirmationMessage(${JSON.stringify(spec.confirmation)})`);
    // Published only once whole and linked: customers never see a half-built form.
    const publishAt = log.findIndex((l) => l.startsWith('form.setPublished') || l.startsWith('form.setAcceptingResponses'));
    expect(publishAt).toBeGreaterThan(log.indexOf('form.setDestination("SPREADSHEET","SS")'));
    // The contact question is an e-mail field.
    expect(log.some((l) => /^Text\d+\.setTitle\("May we contact you/.test(l))).toBe(true);
  });
});

/** A form stand-in with the publishing methods of the Forms service (April 2025), recording what is called. */
function publishingForm(
  log: string[],
  opts: { supports?: boolean; noPublishing?: boolean; published?: boolean; accepting?: boolean; dest?: string | null },
) {
  let published = opts.published ?? false;
  let accepting = opts.accepting ?? false;
  const form: Record<string, unknown> = {
    setAcceptingResponses: (on: boolean) => {
      log.push(`setAcceptingResponses(${on})`);
      accepting = on;
      return form;
    },
    isAcceptingResponses: () => accepting,
    getDestinationId: () => {
      if (opts.dest === null) throw new Error('The form currently has no response destination');
      return opts.dest ?? 'SS';
    },
  };
  if (!opts.noPublishing) {
    form.setPublished = (on: boolean) => {
      log.push(`setPublished(${on})`);
      published = on;
      accepting = on;
      return form;
    };
    form.isPublished = () => published;
    form.supportsAdvancedResponderPermissions = () => opts.supports ?? true;
  }
  return form;
}

describe('publishing: every form made takes responses', () => {
  afterEach(() => {
    delete g.FormApp;
  });

  test('a form with publish settings is published (which turns on accepting); setAcceptingResponses is not called on it', async () => {
    const { publish, publishState } = await import('../../../../src/server/adapters/appsscript/appsScriptForms');
    const log: string[] = [];
    const form = publishingForm(log, {});
    publish(form as never);
    expect(log).toEqual(['setPublished(true)']);
    expect(publishState(form as never)).toEqual({ published: true, accepting: true });
  });

  test('a legacy form (supportsAdvancedResponderPermissions false), or a runtime without setPublished: accepting responses only; published reads null', async () => {
    const { publish, publishState } = await import('../../../../src/server/adapters/appsscript/appsScriptForms');
    for (const opts of [{ supports: false }, { noPublishing: true }]) {
      const log: string[] = [];
      const form = publishingForm(log, opts);
      publish(form as never);
      expect(log).toEqual(['setAcceptingResponses(true)']);
      expect(publishState(form as never)).toEqual({ published: null, accepting: true });
    }
  });

  test('the state of a form: unpublished, closed, linked elsewhere or unlinked, each said in words', () => {
    const forms: Record<string, unknown> = {
      a: publishingForm([], { published: true, accepting: true }),
      b: publishingForm([], { published: false }),
      c: publishingForm([], { published: true, accepting: false }),
      d: publishingForm([], { published: true, accepting: true, dest: 'OTHER' }),
      e: publishingForm([], { published: true, accepting: true, dest: null }),
    };
    g.FormApp = {
      openById: (id: string) => {
        if (!forms[id]) throw new Error('No item with the given ID could be found');
        return forms[id];
      },
    };
    const port = appsScriptForms({ getId: () => 'SS' } as never);
    expect(port.state('a')).toEqual({ id: 'a', published: true, accepting: true, problem: null });
    expect(port.state('b').problem).toMatch(/not published/);
    expect(port.state('c').problem).toMatch(/does not accept responses/);
    expect(port.state('d').problem).toMatch(/another spreadsheet/);
    expect(port.state('e').problem).toMatch(/not linked to a spreadsheet/);
    expect(port.state('gone')).toMatchObject({ published: null, accepting: null, problem: expect.stringMatching(/cannot open this form/) });
  });
});

describe('finding the response sheet', () => {
  afterEach(() => {
    delete g.FormApp;
    delete g.SpreadsheetApp;
    delete g.Utilities;
  });

  test('by the form id in getFormUrl(); else by opening each linked URL and comparing ids; getFormUrl() that throws is skipped', () => {
    const sheets = [
      {
        getName: () => 'Locked',
        getFormUrl: () => {
          throw new Error('You do not have permission');
        },
      },
      { getName: () => 'Other form', getFormUrl: () => 'https://docs.google.com/forms/d/e/PUBLISHED-OTHER/viewform' },
      { getName: () => 'Mine', getFormUrl: () => 'https://docs.google.com/forms/d/e/PUBLISHED-MINE/viewform' },
    ];
    g.FormApp = { openByUrl: (url: string) => ({ getId: () => (url.includes('MINE') ? 'FORM-ID' : 'SOMETHING-ELSE') }) };
    const port = appsScriptForms({ getId: () => 'SS', getSheets: () => sheets } as never);
    expect(port.responseSheet('FORM-ID')).toBe('Mine');
    expect(port.responseSheet('NOT-LINKED')).toBeNull();
    const direct = [{ getName: () => 'Direct', getFormUrl: () => 'https://docs.google.com/forms/d/FORM-ID/viewform' }];
    g.FormApp = {
      openByUrl: () => {
        throw new Error('must not be needed');
      },
    };
    expect(appsScriptForms({ getId: () => 'SS', getSheets: () => direct } as never).responseSheet('FORM-ID')).toBe('Direct');
  });

  test('create looks again after flush and a wait when Sheets does not show the new sheet at once, and gives up with "" (later runs look again)', () => {
    const log: string[] = [];
    g.FormApp = fakeFormApp(log);
    let looks = 0;
    const appearsAfter = 3;
    g.SpreadsheetApp = { flush: () => log.push('flush') };
    g.Utilities = { sleep: (ms: number) => log.push(`sleep ${ms}`) };
    const ss = {
      getId: () => 'SS',
      getSheets: () => (++looks >= appearsAfter ? [{ getName: () => 'Form Responses 1', getFormUrl: () => '/forms/d/FORM/viewform' }] : []),
    };
    const [spec] = surveyForms({ ...defaultSetup(), roles: ['Buyer'] });
    expect(appsScriptForms(ss as never).create(spec).responseSheet).toBe('Form Responses 1');
    expect(log.filter((l) => /^(flush|sleep)/.test(l))).toEqual(['flush', 'sleep 500', 'flush', 'sleep 1000', 'flush']);
    looks = -100;
    expect(appsScriptForms(ss as never).create(spec).responseSheet).toBe('');
  });
});

describe('pre-filled links', () => {
  afterEach(() => {
    delete g.FormApp;
  });

  /** A form whose toPrefilledUrl() writes each item response as entry.<item id>=<value>, as Google's links look. */
  function prefillForm(calls: { n: number }) {
    const item = (id: number, type: string, title: string) => ({
      getTitle: () => title,
      getType: () => type,
      asTextItem: () => ({ createResponse: (v: string) => ({ id, v }) }),
      asMultipleChoiceItem: () => ({ createResponse: (v: string) => ({ id, v }) }),
    });
    const items = [
      item(11, 'TEXT', 'Which company are you with?'),
      item(22, 'MULTIPLE_CHOICE', 'Which best describes your role?'),
      item(33, 'SCALE', 'x'),
    ];
    return {
      getItems: () => items,
      createResponse: () => {
        const got: { id: number; v: string }[] = [];
        const r = {
          withItemResponse: (x: { id: number; v: string }) => (got.push(x), r),
          toPrefilledUrl: () => {
            calls.n++;
            return `https://docs.google.com/forms/d/e/PUB/viewform?usp=pp_url&${got.map((x) => `entry.${x.id}=${encodeURIComponent(x.v).replace(/%20/g, '+')}`).join('&')}`;
          },
        };
        return r;
      },
    };
  }

  test('one template link with a probe, then every customer’s link filled in: one toPrefilledUrl call for any number of customers', () => {
    const calls = { n: 0 };
    const form = prefillForm(calls);
    g.FormApp = { openById: () => form, ItemType: { MULTIPLE_CHOICE: 'MULTIPLE_CHOICE' } };
    const [spec] = surveyForms({ ...defaultSetup(), roles: ['Buyer', 'Chef & Co'], layout: 'branching' });
    const columns = columnMap([spec]);
    const links = appsScriptForms({ getId: () => 'SS' } as never).prefilled(
      'F',
      [
        { customer: 'Acme & Sons', role: 'Buyer' },
        { customer: 'Brill = Ltd', role: 'Chef & Co' },
      ],
      columns,
    );
    expect(calls.n).toBe(1);
    expect(links).toEqual([
      'https://docs.google.com/forms/d/e/PUB/viewform?usp=pp_url&entry.11=Acme%20%26%20Sons&entry.22=Buyer',
      'https://docs.google.com/forms/d/e/PUB/viewform?usp=pp_url&entry.11=Brill%20%3D%20Ltd&entry.22=Chef%20%26%20Co',
    ]);
  });

  test('when the probe cannot be found in the link, each link is made one by one (and refused past 300)', () => {
    const calls = { n: 0 };
    const form = {
      ...prefillForm(calls),
      createResponse: () => {
        const r = { withItemResponse: () => r, toPrefilledUrl: () => (calls.n++, 'https://forms.gle/short') };
        return r;
      },
    };
    g.FormApp = { openById: () => form, ItemType: { MULTIPLE_CHOICE: 'MULTIPLE_CHOICE' } };
    const [spec] = surveyForms({ ...defaultSetup(), roles: ['Buyer'] });
    const port = appsScriptForms({ getId: () => 'SS' } as never);
    expect(port.prefilled('F', [{ customer: 'A' }, { customer: 'B' }], columnMap([spec]))).toEqual([
      'https://forms.gle/short',
      'https://forms.gle/short',
    ]);
    expect(calls.n).toBe(3);
    expect(() =>
      port.prefilled(
        'F',
        Array.from({ length: 301 }, (_, i) => ({ customer: `C${i}` })),
        columnMap([spec]),
      ),
    ).toThrow(/one by one would take too long/);
  });
});
