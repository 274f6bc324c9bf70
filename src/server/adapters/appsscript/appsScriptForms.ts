/// <reference types="google-apps-script" />
import type { FormSpec } from '../../../core/survey/forms';
import type { CreatedForm, FormsPort } from '../../ports/forms';

type Question = { setTitle(t: string): Question; setHelpText(t: string): Question; setRequired(r: boolean): Question };

/**
 * The forms port over FormApp: builds the items in order (a section is a page break; role sections are
 * alternatives, each submitting at its end; a branching choice is wired to the sections once they exist),
 * sends responses to this spreadsheet and finds the sheet Forms made for them.
 */
export function appsScriptForms(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): FormsPort {
  const responseSheet = (id: string): string | null =>
    ss
      .getSheets()
      .find((s) => (s.getFormUrl() ?? '').indexOf(id) >= 0)
      ?.getName() ?? null;
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
        if (it.kind === 'text') q = form.addTextItem();
        else if (it.kind === 'paragraph') q = form.addParagraphTextItem();
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
      SpreadsheetApp.flush();
      const id = form.getId();
      return { id, editUrl: form.getEditUrl(), publishedUrl: form.getPublishedUrl(), responseSheet: responseSheet(id) ?? '' };
    },
  };
}
