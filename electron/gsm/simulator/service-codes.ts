/**
 * The service codes a simulated network knows, as a lookup from what the dealer dialled. A code
 * is either exact ("*100#") or carries slots ("*123*{customer}*{plan}*{pin}#") that are filled
 * from the digits dialled in their place, so a whole dialogue can be dialled in one round.
 */
import { USSD_SLOTS, type UssdSlot, type UssdStep } from './carrier';

interface DialledService {
  step: UssdStep;
  slots: Partial<Record<UssdSlot, string>>;
}

interface SlottedCode {
  pattern: RegExp;
  slots: UssdSlot[];
  step: UssdStep;
}

const escapeLiteral = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isSlot(name: string): name is UssdSlot {
  return (USSD_SLOTS as readonly string[]).includes(name);
}

/** Reads a code with slots; throws on an unknown, repeated or unbalanced slot. */
function slottedCode(code: string, step: UssdStep): SlottedCode {
  const slots: UssdSlot[] = [];
  let source = '';
  // Split keeps the {slot} tokens at the odd positions, the literal text between them at the even.
  for (const [index, part] of code.split(/\{(\w*)\}/).entries()) {
    if (index % 2 === 0) {
      if (/[{}]/.test(part)) throw new Error(`Service code ${code}: a { or } without its pair`);
      source += escapeLiteral(part);
      continue;
    }
    if (!isSlot(part) || slots.includes(part)) {
      const known = USSD_SLOTS.map((slot) => `{${slot}}`).join(' ');
      throw new Error(`Service code ${code}: {${part}} is unknown or repeated; slots: ${known}`);
    }
    slots.push(part);
    // A slot takes what the dealer keyed up to the next separator.
    source += '([^*#]+)';
  }
  return { pattern: new RegExp(`^${source}$`), slots, step };
}

/** Compiles a network's service codes; throws if one of them is malformed. */
export function serviceCodes(
  services: Readonly<Record<string, UssdStep>>,
): (dialled: string) => DialledService | null {
  const exact = new Map<string, UssdStep>();
  const slotted: SlottedCode[] = [];
  for (const [code, step] of Object.entries(services)) {
    if (/[{}]/.test(code)) slotted.push(slottedCode(code, step));
    else exact.set(code, step);
  }
  return (dialled) => {
    const step = exact.get(dialled);
    if (step) return { step, slots: {} };
    for (const code of slotted) {
      const match = code.pattern.exec(dialled);
      if (!match) continue;
      const slots = Object.fromEntries(code.slots.map((slot, index) => [slot, match[index + 1]]));
      return { step: code.step, slots };
    }
    return null;
  };
}
