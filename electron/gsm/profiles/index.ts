/** Modem profiles: quirks as data, loaded from JSON files and matched to a modem. */
export { genericProfile, loadModemProfiles, type ModemProfiles } from './load';
export { type ModemFacts, matchModemProfile, type ProfileMatch } from './match';
export {
  GENERIC_PROFILE_ID,
  type ModemProfile,
  type ModemProfileData,
  modemProfileSchema,
  type UssdRequestEncoding,
  ussdRequestEncodings,
} from './schema';
