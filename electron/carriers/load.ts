/**
 * Carrier profiles from JSON files: the shipped ones (resources/carriers) and the shop's own,
 * loaded the way every profile folder is (../profile-files.ts).
 */
import { type CarrierProfile, carrierProfileSchema } from '../../shared/carrier';
import {
  type LoadedProfile,
  type LoadedProfiles,
  loadProfileFolders,
  type ParsedProfile,
  type ProfileFileProblem,
  type ProfileFileProblemCode,
  parseProfileText,
} from '../profile-files';

export type CarrierFileProblemCode = ProfileFileProblemCode;
export type CarrierFileProblem = ProfileFileProblem;
export type LoadedCarrierProfile = LoadedProfile<CarrierProfile>;
export type CarrierProfiles = LoadedProfiles<CarrierProfile>;
export type ParsedCarrierProfile = ParsedProfile<CarrierProfile>;

/** Validates the text of a profile (a file's, or one a manager is saving). */
export function parseCarrierProfileText(text: string, file = 'profile'): ParsedCarrierProfile {
  return parseProfileText(carrierProfileSchema, text, file);
}

/** Loads every `*.json` of each folder, in order; later folders override by id. */
export function loadCarrierProfiles(dirs: readonly string[]): Promise<CarrierProfiles> {
  return loadProfileFolders(carrierProfileSchema, dirs);
}
