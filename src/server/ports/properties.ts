/**
 * Properties (PropertiesService; `adapters/memory/services.ts`). The document's hold the automation's state (forms,
 * settings, failed responses, last errors): unlike the workbook's settings they do not travel with a copy
 * of the file, and neither do the forms' links and triggers they describe. They belong to the script, not to
 * its Cloud project, so switching the script to a standard Cloud project keeps them (README "Where settings
 * live"). The user's hold what the weekly clock needs, since an add-on's clock trigger runs without a
 * document (see tracker/mailbox.ts).
 */
export interface PropertiesPort {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  keys(): string[];
}

/** What one property value may hold in Apps Script: 9 KB ("Properties value size 9 KB / val", quotas page). */
export const PROPERTY_MAX_BYTES = 9 * 1024;
/** What one property store may hold in all: 500 KB ("Properties total storage 500 KB / property store"). */
export const PROPERTIES_TOTAL_MAX_BYTES = 500 * 1024;

/** Bytes of a string in UTF-8 (Apps Script has no TextEncoder). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4; // a surrogate pair: one character of four bytes
      i++;
    } else n += 3;
  }
  return n;
}
