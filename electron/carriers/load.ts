/**
 * Carrier profiles from JSON files: the shipped ones (resources/carriers) and the shop's own,
 * loaded the way every profile folder is (../profile-files.ts).
 */
import { type CarrierProfile, carrierProfileSchema } from '../../shared/carrier';
import {
  type LoadedProfiles,
  loadProfileFolders,
  type ParsedProfile,
  parseProfileText,
} from '../profile-files';

/** Validates the text of a profile (a file's, or one a manager is saving). */
export function parseCarrierProfileText(
  text: string,
  file = 'profile',
): ParsedProfile<CarrierProfile> {
  return parseProfileText(carrierProfileSchema, text, file);
}

/** Loads every `*.json` of each folder, in order; later folders override by id. */
export function loadCarrierProfiles(
  dirs: readonly string[],
): Promise<LoadedProfiles<CarrierProfile>> {
  return loadProfileFolders(carrierProfileSchema, dirs);
}
