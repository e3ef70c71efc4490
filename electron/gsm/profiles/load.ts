/**
 * Modem profiles from JSON files: the shipped folder (resources/modems), then the shop's own
 * `modems/` folder beside its database, which adds profiles or replaces one by id. A bad file
 * is reported with its reason and skipped; the others load.
 */
import path from 'node:path';
import genericJson from '../../../resources/modems/generic.json';
import { type LoadedProfiles, loadProfileFolders } from '../../profile-files';
import { GENERIC_PROFILE_ID, type ModemProfile, modemProfileSchema } from './schema';

/**
 * The fallback when no folder gives one (the app's resources went missing): the shipped
 * generic.json, built in. A generic.json in a folder replaces it like any profile.
 */
export const genericProfile: ModemProfile = {
  ...modemProfileSchema.parse(genericJson),
  file: null,
};

interface ModemProfiles {
  /**
   * In the order they are tried: the shop's folder first (a profile it adds for one model wins
   * over a shipped one for the whole make), then the shipped one, each by file name; the
   * generic profile last.
   */
  profiles: ModemProfile[];
  problems: LoadedProfiles<ModemProfile>['problems'];
}

/** Loads the profiles of each folder (shipped first, the shop's after); never throws. */
export async function loadModemProfiles(dirs: readonly string[]): Promise<ModemProfiles> {
  const loaded = await loadProfileFolders(modemProfileSchema, dirs);
  const folders = dirs.map((dir) => path.resolve(dir));
  const rank = (file: string) => folders.lastIndexOf(path.dirname(path.resolve(file)));
  const profiles = loaded.profiles
    .map(({ profile, file }) => ({ ...profile, file }))
    .sort((a, b) => rank(b.file) - rank(a.file) || a.file.localeCompare(b.file));
  const generic = profiles.find((profile) => profile.id === GENERIC_PROFILE_ID) ?? genericProfile;
  return {
    profiles: [...profiles.filter((profile) => profile !== generic), generic],
    problems: loaded.problems,
  };
}
