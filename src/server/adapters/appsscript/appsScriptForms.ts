/// <reference types="google-apps-script" />
import { type FormSpec, type QuestionId, headerKey } from '../../../core/survey/forms';
import { type CreatedForm, type FormState, type FormsPort, type Prefill, stateProblem } from '../../ports/forms';

type Form = GoogleAppsScript.Forms.Form;
type Question = { setTitle(t: string): Question; setHelpText(t: string): Question; setRequired(r: boolean): Question };

/**
 * The publishing methods of Form, added to Apps Script in April 2025 ("You can now use the Forms Service to
 * publish forms", https://developers.google.com/apps-script/release-notes) and missing from the typings.
 * Google's own sample gates them on supportsAdvancedResponderPermissions(): a legacy form has no publish
 * settings (https://developers.google.com/workspace/forms/api/guides/publish-form). Each is feature-detected.
 */
interface PublishingForm {
  setPublished?(enabled: boolean): unknown;
  isPublished?(): boolean;
  supportsAdvancedResponderPermissions?(): boolean;
}

const safe = <T>(f: () => T): T | undefined => {
  try {
    return f();
  } catch {
    return undefined;
  }
};

/** Whether the form has a publish state: true, false (a legacy form), or undefined (this runtime cannot say). */
function canPublish(form: Form): boolean | undefined {
  const f = form as unknown as PublishingForm;
  if (typeof f.setPublished !== 'function' || typeof f.isPublished !== 'function') return false;
  return typeof f.supportsAdvancedResponderPermissions === 'function' ? safe(() => f.supportsAdvancedResponderPermissions!()) : undefined;
}

/**
 * Publishes a form so that customers can answer it. Forms made through the API after 30 June 2026 start
 * unpublished (https://developers.google.com/workspace/forms/api/guides/api-changes-to-google-forms; the
 * date has moved twice, so no default is assumed). setPublished(true) "also enables accepting responses";
 * a legacy form only has setAcceptingResponses. Accepting is never turned on for a form left unpublished:
 * the Forms API rejects that combination.
 */
export function publish(form: Form): void {
  if (canPublish(form) !== false) {
    try {
      (form as unknown as PublishingForm).setPublished!(true);
      return;
    } catch {
      // A form that turns out to have no publish state: accepting responses is all it has.
    }
  }
  form.setAcceptingResponses(true);
}

/** Reads a form's publish state; null where the form has none. */
export function publishState(form: Form): { published: boolean | null; accepting: boolean | null } {
  const published = canPublish(form) !== false ? (safe(() => (form as unknown as PublishingForm).isPublished!()) ?? null) : null;
  return { published, accepting: safe(() => form.isAcceptingResponses()) ?? null };
}

/** An e-mail check on a text item, where Apps Script has it (requireTextIsEmail is not confirmed in the reference read). */
function requireEmail(item: GoogleAppsScript.Forms.TextItem): void {
  try {
    item.setValidation(FormApp.createTextValidation().requireTextIsEmail().build() as GoogleAppsScript.Forms.TextValidation);
  } catch {
    // The help text asks for an address; Leadlag reads whatever is typed.
  }
}

/** How long `create` waits in all for Sheets to show the response sheet it just linked (Apps Script allows 6 minutes). */
const FIND_TRIES = 4;

/**
 * The forms port over FormApp: builds the items in order (a section is a page break; role sections are
 * alternatives, each submitting at its end; a branching choice is wired to the sections once they exist),
 * publishes the form once it is whole, sends responses to this spreadsheet and finds the sheet Forms made
 * for them. Every call needs the `forms` scope (FormApp.create, openById and openByUrl take no other).
 */
export function appsScriptForms(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): FormsPort {
  /**
   * The sheet a form writes to. Sheet.getFormUrl() gives "the URL for the form that sends its responses to
   * this sheet, or null"; its format is not documented, so a URL holding the form's id is taken at once and
   * the others are opened to compare ids (each call guarded: it throws without edit rights).
   */
  const responseSheet = (id: string): string | null => {
    const withUrl: { name: string; url: string }[] = [];
    for (const s of ss.getSheets()) {
      const url = safe(() => s.getFormUrl());
      if (!url) continue;
      if (url.indexOf(id) >= 0) return s.getName();
      withUrl.push({ name: s.getName(), url });
    }
    for (const { name, url } of withUrl) if (safe(() => FormApp.openByUrl(url).getId()) === id) return name;
    return null;
  };
  return {
    responseSheet,
    create(spec: FormSpec): CreatedForm {
      const form = FormApp.create(spec.title).setDescription(spec.description).setConfirmationMessage(spec.confirmation);
      const pages: GoogleAppsScript.Forms.PageBreakItem[] = [];
      const branch: (() => void)[] = [];
      spec.items.forEach((it, i) => {
        if (it.kind === 'section') {
          const page = form.addPageBreakItem().setTitle(it.title).setHelpText(it.help);
          // Reaching this page from the section before it means that section is done: submit.
          if (pages.some(Boolean)) page.setGoToPage(FormApp.PageNavigationType.SUBMIT);
          pages[i] = page;
          return;
        }
        let q: unknown;
        if (it.kind === 'text') {
          const t = form.addTextItem();
          if (it.email) requireEmail(t);
          q = t;
        } else if (it.kind === 'paragraph') q = form.addParagraphTextItem();
        else if (it.kind === 'scale') q = form.addScaleItem().setBounds(it.scale![0], it.scale![1]).setLabels(it.scale![2], it.scale![3]);
        else {
          const mc = form.addMultipleChoiceItem();
          if (it.goTo.length) branch.push(() => mc.setChoices(it.choices.map((c, j) => mc.createChoice(c, pages[it.goTo[j]]))));
          else mc.setChoiceValues([...it.choices]);
          q = mc;
        }
        (q as Question).setTitle(it.title).setHelpText(it.help).setRequired(it.required);
      });
      branch.forEach((f) => f());
      form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
      // Whole now: open it to customers.
      publish(form);
      const id = form.getId();
      // Whether getSheets() shows the new sheet in the same execution is not documented: flush, look, wait, look again.
      let sheet: string | null = null;
      for (let i = 0; i < FIND_TRIES && !sheet; i++) {
        if (i) Utilities.sleep(500 * i);
        SpreadsheetApp.flush();
        sheet = responseSheet(id);
      }
      return { id, editUrl: form.getEditUrl(), publishedUrl: form.getPublishedUrl(), responseSheet: sheet ?? '' };
    },
    state(formId: string): FormState {
      const form = safe(() => FormApp.openById(formId));
      if (!form)
        return {
          id: formId,
          published: null,
          accepting: null,
          problem: 'Google Forms cannot open this form (it may have been deleted, or you may no longer edit it).',
        };
      const { published, accepting } = publishState(form);
      // getDestinationId() throws "The form currently has no response destination" when unlinked (apps-script-samples PR #145).
      const dest = safe(() => form.getDestinationId());
      const problem =
        stateProblem(published, accepting) ??
        (dest === ss.getId()
          ? null
          : dest
            ? 'It sends its answers to another spreadsheet: open it with Edit form › Responses › Link to Sheets and choose this spreadsheet.'
            : 'It is not linked to a spreadsheet, so its answers stay in Google Forms: open it with Edit form › Responses › Link to Sheets and choose this spreadsheet.');
      return { id: formId, published, accepting, problem };
    },
    prefilled(formId: string, rows: readonly Prefill[], columns: Readonly<Record<string, QuestionId>>): string[] {
      const form = FormApp.openById(formId);
      const items: Partial<Record<'customer' | 'role', GoogleAppsScript.Forms.Item>> = {};
      for (const item of form.getItems()) {
        const q = columns[headerKey(item.getTitle())];
        if ((q === 'customer' || q === 'role') && !items[q]) items[q] = item;
      }
      return prefilledLinks(form, items, rows);
    },
  };
}

/** A response to one item, as a pre-filled link fills it in (the customer's text, the role's choice). */
function itemResponse(item: GoogleAppsScript.Forms.Item, value: string): GoogleAppsScript.Forms.ItemResponse {
  return item.getType() === FormApp.ItemType.MULTIPLE_CHOICE
    ? item.asMultipleChoiceItem().createResponse(value)
    : item.asTextItem().createResponse(value);
}

const PROBE = 'LEADLAG-PREFILL-PROBE';
/** Links made one by one (FormResponse.toPrefilledUrl each) when the template cannot be read: at most this many. */
const ONE_BY_ONE_MAX = 300;

/**
 * Pre-filled links. FormResponse.toPrefilledUrl() "generates a URL for the form in which the answers are
 * pre-filled" (https://developers.google.com/apps-script/reference/forms/form-response); one call per link
 * would not fit thousands of customers in one execution, so one link is made with a probe value and the
 * parameter that carries it (`entry.N`, a community finding, not documented) is filled in for each row.
 * When the probe cannot be found the links are made one by one.
 */
export function prefilledLinks(
  form: Form,
  items: Partial<Record<'customer' | 'role', GoogleAppsScript.Forms.Item>>,
  rows: readonly Prefill[],
): string[] {
  const fill = (values: Prefill) => {
    let r = form.createResponse();
    for (const q of ['customer', 'role'] as const) {
      const v = values[q];
      if (v !== undefined && items[q]) r = r.withItemResponse(itemResponse(items[q]!, v));
    }
    return r.toPrefilledUrl();
  };
  if (!rows.length) return [];
  const probeRole = rows.find((r) => r.role !== undefined)?.role;
  const template = safe(() => fill({ customer: PROBE, ...(probeRole !== undefined ? { role: probeRole } : {}) }));
  const parsed = template ? splitUrl(template) : null;
  const customerParam = parsed?.params.find(([, v]) => v === PROBE)?.[0];
  const roleParam = probeRole === undefined ? undefined : parsed?.params.find(([k, v]) => v === probeRole && k !== customerParam)?.[0];
  const usable = parsed && (items.customer ? customerParam : true) && (probeRole === undefined || !items.role || roleParam);
  if (!usable) {
    if (rows.length > ONE_BY_ONE_MAX)
      throw new Error(`Google Forms gave pre-filled links Leadlag cannot reuse, and making ${rows.length} one by one would take too long.`);
    return rows.map(fill);
  }
  const others = parsed!.params.filter(([k]) => k !== customerParam && k !== roleParam);
  return rows.map((r) => {
    const params = [...others];
    if (customerParam && r.customer !== undefined) params.push([customerParam, r.customer]);
    if (roleParam && r.role !== undefined) params.push([roleParam, r.role]);
    return `${parsed!.base}?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
  });
}

/** A URL's base and its query parameters, decoded (`+` is a space in a query). */
export function splitUrl(url: string): { base: string; params: [string, string][] } {
  const q = url.indexOf('?');
  if (q < 0) return { base: url, params: [] };
  const params = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((p): [string, string] => {
      const e = p.indexOf('=');
      const k = e < 0 ? p : p.slice(0, e);
      const v = e < 0 ? '' : p.slice(e + 1);
      return [k, safe(() => decodeURIComponent(v.replace(/\+/g, ' '))) ?? v];
    });
  return { base: url.slice(0, q), params };
}
