import { replace } from '../dom';
import type { Session } from '../session';
import { quoted } from './common';

/** Brings a sheet to the front and says so in `status`, or says where to find it when that fails. */
export async function showSheet(session: Session, sheet: string, status: HTMLElement): Promise<void> {
  try {
    await session.client.showSheet(sheet);
    replace(status, `${quoted(sheet)} is open.`);
  } catch {
    replace(status, `Open the ${quoted(sheet)} tab at the bottom of the spreadsheet.`);
  }
}
