/**
 * A profile's patterns, compiled once per profile object. The schema has already checked that
 * each compiles and has its groups; a profile that skipped the schema fails here, loudly.
 */
import { type CarrierProfile, compilePattern } from '../../shared/carrier';

interface CompiledPatterns {
  success: RegExp;
  failures: RegExp[];
  balanceReplies: RegExp[];
  balanceFailures: RegExp[];
  dealerBalance: RegExp;
  /** Null when the carrier sends no confirmation SMS the profile knows of. */
  topUpConfirmation: RegExp | null;
}

const cache = new WeakMap<CarrierProfile, CompiledPatterns>();

function compile(source: string, flags: string | undefined, where: string): RegExp {
  const pattern = compilePattern(source, flags);
  if (!pattern) throw new Error(`The carrier profile's ${where} pattern does not compile`);
  return pattern;
}

export function patternsOf(profile: CarrierProfile): CompiledPatterns {
  const known = cache.get(profile);
  if (known) return known;
  const { topUp, balanceQuery, dealerBalance, topUpConfirmation } = profile;
  const compiled: CompiledPatterns = {
    success: compile(topUp.success.pattern, topUp.success.flags, 'topUp.success'),
    failures: topUp.failures.map((failure, index) =>
      compile(failure.pattern, failure.flags, `topUp.failures.${index}`),
    ),
    balanceReplies: balanceQuery.replyPatterns.map((reply, index) =>
      compile(reply.pattern, reply.flags, `balanceQuery.replyPatterns.${index}`),
    ),
    balanceFailures: balanceQuery.failures.map((failure, index) =>
      compile(failure.pattern, failure.flags, `balanceQuery.failures.${index}`),
    ),
    dealerBalance: compile(dealerBalance.pattern, dealerBalance.flags, 'dealerBalance'),
    topUpConfirmation: topUpConfirmation
      ? compile(topUpConfirmation.pattern, topUpConfirmation.flags, 'topUpConfirmation')
      : null,
  };
  cache.set(profile, compiled);
  return compiled;
}
