/** Modem profiles: quirks as data, loaded from JSON files and matched to a modem. */
export { genericProfile, loadModemProfiles } from './load';
export { matchModemProfile } from './match';
export { type ModemProfile, modemProfileSchema, type UssdRequestEncoding } from './schema';
