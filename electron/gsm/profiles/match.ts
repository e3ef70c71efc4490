import { genericProfile } from './load';
import { GENERIC_PROFILE_ID, type ModemProfile } from './schema';

/** What the modem said about itself, as the profile rules compare it. */
export interface ModemFacts {
  manufacturer: string;
  model: string;
}

export interface ProfileMatch {
  profile: ModemProfile;
  /** Why, in plain words: `manufacturer /huawei/i matched "HUAWEI"`, or why none did. */
  matchedBy: string;
}

/**
 * The first profile whose every criterion matches the modem's +CGMI and +CGMM answers; the
 * generic one of the table (or the built-in one) when none does. `profiles` is tried in order.
 */
export function matchModemProfile(
  facts: ModemFacts,
  profiles: readonly ModemProfile[] = [genericProfile],
): ProfileMatch {
  for (const profile of profiles) {
    if (profile.id === GENERIC_PROFILE_ID) continue;
    const checks = (['manufacturer', 'model'] as const).flatMap((field) => {
      const pattern = profile.match[field];
      return pattern ? [{ field, pattern, value: facts[field] }] : [];
    });
    if (checks.length > 0 && checks.every(({ pattern, value }) => pattern.test(value))) {
      const reasons = checks.map(
        ({ field, pattern, value }) => `${field} ${pattern} matched ${JSON.stringify(value)}`,
      );
      return { profile, matchedBy: reasons.join(' and ') };
    }
  }
  const generic = profiles.find((profile) => profile.id === GENERIC_PROFILE_ID) ?? genericProfile;
  return {
    profile: generic,
    matchedBy: `no profile matched manufacturer ${JSON.stringify(facts.manufacturer)} and model ${JSON.stringify(facts.model)}`,
  };
}
