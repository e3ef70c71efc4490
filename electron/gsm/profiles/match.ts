import { genericProfile } from './load';
import { GENERIC_PROFILE_ID, type ModemProfile } from './schema';

/** What the modem said about itself, and the USB device of its port, as the rules see them. */
interface ModemFacts {
  manufacturer: string;
  model: string;
  /** `vendor:product` in lower-case hex; null when the port is not a USB device (or unknown). */
  usb?: string | null;
}

interface Check {
  matches: boolean;
  reason: string;
}

function checksOf(profile: ModemProfile, facts: ModemFacts): Check[] {
  const checks: Check[] = [];
  for (const field of ['manufacturer', 'model'] as const) {
    const pattern = profile.match[field];
    if (!pattern) continue;
    const value = facts[field];
    checks.push({
      matches: pattern.test(value),
      reason: `${field} ${pattern} matched ${JSON.stringify(value)}`,
    });
  }
  const { usb } = profile.match;
  if (usb) {
    const id = facts.usb ?? null;
    checks.push({ matches: id !== null && usb.includes(id), reason: `usb id ${id} matched` });
  }
  return checks;
}

interface ProfileMatch {
  profile: ModemProfile;
  /** Why, in plain words: `manufacturer /huawei/i matched "HUAWEI"`, or why none did. */
  matchedBy: string;
}

/**
 * The first profile whose every criterion matches the modem's +CGMI and +CGMM answers (and its
 * port's USB id); the
 * generic one of the table (or the built-in one) when none does. `profiles` is tried in order.
 */
export function matchModemProfile(
  facts: ModemFacts,
  profiles: readonly ModemProfile[] = [genericProfile],
): ProfileMatch {
  for (const profile of profiles) {
    if (profile.id === GENERIC_PROFILE_ID) continue;
    const checks = checksOf(profile, facts);
    if (checks.length > 0 && checks.every((check) => check.matches)) {
      return { profile, matchedBy: checks.map((check) => check.reason).join(' and ') };
    }
  }
  const generic = profiles.find((profile) => profile.id === GENERIC_PROFILE_ID) ?? genericProfile;
  return {
    profile: generic,
    matchedBy: `no profile matched manufacturer ${JSON.stringify(facts.manufacturer)} and model ${JSON.stringify(facts.model)}`,
  };
}
