import { METADATA_KEYS, METADATA_MAX_CHARS, SettingsTooLarge } from '../../ports/workbook';

/**
 * Developer metadata in memory, as Sheets keeps it: key, value, visibility and, for PROJECT visibility,
 * the Cloud project that wrote it. A PROJECT entry "is only visible to and accessible by the developer
 * project that created the metadata"; a DOCUMENT one "is accessible from any developer project with access
 * to the document" (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility).
 * `switchProject` is what moving the script to a standard Cloud project does to what it can see.
 */
export type Visibility = 'DOCUMENT' | 'PROJECT';

export interface MetadataEntry {
  key: string;
  value: string;
  visibility: Visibility;
  /** The project that wrote it. */
  readonly project: string;
  /** The sheet it is on (its id), or null for the spreadsheet. */
  readonly sheet: number | null;
}

export class MemoryMetadata {
  private entries: MetadataEntry[] = [];

  constructor(public project: string) {}

  /** What this project sees at a location (the spreadsheet, or a sheet), PROJECT entries of other projects left out. */
  private visible(sheet: number | null): MetadataEntry[] {
    return this.entries.filter((e) => e.sheet === sheet && (e.visibility === 'DOCUMENT' || e.project === this.project));
  }

  /** Reads a key, moving an entry an older version wrote with PROJECT visibility to DOCUMENT. */
  get(sheet: number | null, key: string): string | null {
    const found = this.visible(sheet).filter((e) => e.key === key);
    const doc = found.find((e) => e.visibility === 'DOCUMENT');
    const old = found.find((e) => e.visibility === 'PROJECT');
    if (old && doc) this.entries.splice(this.entries.indexOf(old), 1);
    else if (old) old.visibility = 'DOCUMENT';
    return (doc ?? old)?.value ?? null;
  }

  set(sheet: number | null, key: string, value: string): void {
    this.get(sheet, key); // migrates an old entry first
    if (value.length > this.room(sheet, key)) {
      throw new SettingsTooLarge(
        `Sheets keeps at most ${METADATA_MAX_CHARS} characters of developer metadata per ${sheet === null ? 'spreadsheet' : 'sheet'}; "${key}" would not fit.`,
      );
    }
    const e = this.visible(sheet).find((x) => x.key === key);
    if (e) e.value = value;
    else this.entries.push({ key, value, visibility: 'DOCUMENT', project: this.project, sheet });
  }

  /** Characters left for this key's value at a location: every entry there counts, whoever wrote it (Sheets counts them all). */
  room(sheet: number | null, key: string): number {
    let used = 0;
    for (const e of this.entries)
      if (e.sheet === sheet && !(e.key === key && e.visibility === 'DOCUMENT')) used += e.key.length + e.value.length;
    return METADATA_MAX_CHARS - used - key.length;
  }

  /** An entry as an older version wrote it (tests): any visibility, any project. */
  seed(entry: Omit<MetadataEntry, 'project'> & { project?: string }): void {
    this.entries.push({ ...entry, project: entry.project ?? this.project });
  }

  /** What an older version of the add-on did: every entry written with PROJECT visibility, by the current project. */
  asOlderVersion(): void {
    for (const e of this.entries) e.visibility = 'PROJECT';
  }

  /** A deleted sheet's metadata goes with it. */
  forgetSheet(sheet: number): void {
    this.entries = this.entries.filter((e) => e.sheet !== sheet);
  }

  /** Every entry, for tests. */
  all(): readonly MetadataEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  static readonly KEYS = METADATA_KEYS;
}
