/** Modem profiles: quirks as data, loaded from JSON files and matched to a modem. */
export { genericProfile, loadModemProfiles, type ModemProfiles } from './load';
export { type ModemFacts, matchModemProfile, type ProfileMatch } from './match';
export { type ModemProfile, modemProfileSchema, type UssdRequestEncoding } from './schema';
