import path from 'node:path';
import { loadModemProfiles, type ModemProfile } from '../../electron/gsm/profiles';

/** The modem profiles shipped in the repository (resources/modems). */
export const SHIPPED_MODEMS = path.resolve(__dirname, '../../resources/modems');

/** The shipped profiles in the order they are tried; a shipped file that fails is a bug. */
export async function shippedModemProfiles(): Promise<ModemProfile[]> {
  const { profiles, problems } = await loadModemProfiles([SHIPPED_MODEMS]);
  if (problems.length > 0) throw new Error(problems.map((problem) => problem.message).join('\n'));
  return profiles;
}
