/**
 * Properties (PropertiesService; `memory/services.ts`). The document's hold the automation's state (forms,
 * settings, last errors): unlike the workbook's settings they do not travel with a copy of the file, and
 * neither do the forms' links and triggers they describe. The user's hold what the weekly clock needs,
 * since an add-on's clock trigger runs without a document (see tracker/mailbox.ts).
 */
export interface PropertiesPort {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  keys(): string[];
}
