/// <reference types="google-apps-script" />
import type { TriggerInfo, TriggersPort } from '../../ports/triggers';

/**
 * The triggers port over ScriptApp: this user's triggers for this spreadsheet and the script's clocks;
 * a form-submit trigger on the spreadsheet (all linked forms) and a weekly clock (Monday, 8–9 h in the
 * spreadsheet's time zone: a clock runs in the script's zone unless told, "By default, the timezone is
 * that of the script", https://developers.google.com/apps-script/reference/script/clock-trigger-builder).
 */
export function appsScriptTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): TriggersPort {
  const all = () => {
    const seen = new Map<string, GoogleAppsScript.Script.Trigger>();
    for (const t of [...ScriptApp.getUserTriggers(ss), ...ScriptApp.getProjectTriggers()]) seen.set(t.getUniqueId(), t);
    return seen;
  };
  return {
    list() {
      const out: TriggerInfo[] = [];
      all().forEach((t, id) => {
        const type = t.getEventType();
        const kind = type === ScriptApp.EventType.ON_FORM_SUBMIT ? 'formSubmit' : type === ScriptApp.EventType.CLOCK ? 'weekly' : null;
        if (kind) out.push({ id, kind, handler: t.getHandlerFunction(), document: t.getTriggerSourceId() === ss.getId() });
      });
      return out;
    },
    install(kind, handler) {
      const b = ScriptApp.newTrigger(handler);
      if (kind === 'formSubmit') return b.forSpreadsheet(ss).onFormSubmit().create().getUniqueId();
      const clock = b.timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8);
      let zone = '';
      try {
        zone = ss.getSpreadsheetTimeZone();
      } catch {
        // No zone to give: the script's.
      }
      // "An invalid timezone string causes the script to throw": fall back to the script's zone then.
      let zoned = clock;
      if (zone) {
        try {
          zoned = clock.inTimezone(zone);
        } catch {
          zoned = clock;
        }
      }
      return zoned.create().getUniqueId();
    },
    remove(id) {
      const t = all().get(id);
      if (t) ScriptApp.deleteTrigger(t);
    },
  };
}
