import { describe, expect, it } from 'vitest';
import {
  cmeCodeFromText,
  cmeErrors,
  cmsErrors,
  describeCmeError,
  describeCmsError,
} from '../../../../electron/gsm/at/parsers';

describe('+CME ERROR codes (27.007 §9.2)', () => {
  it.each([
    [10, 'sim_not_inserted'],
    [11, 'sim_pin_required'],
    [12, 'sim_puk_required'],
    [13, 'sim_failure'],
    [14, 'sim_busy'],
    [15, 'sim_wrong'],
    [16, 'incorrect_password'],
    [17, 'sim_pin2_required'],
    [18, 'sim_puk2_required'],
    [30, 'no_network_service'],
    [31, 'network_timeout'],
    [100, 'unknown'],
    [515, 'busy_retry_later'],
  ])('%i → %s', (code, id) => expect(describeCmeError(code).id).toBe(id));

  it('gives unlisted codes a stable id', () => {
    expect(describeCmeError(99).id).toBe('unknown');
    expect(describeCmeError(600).id).toBe('vendor_specific');
  });

  it('finds the code of a verbose error text (AT+CMEE=2)', () => {
    expect(cmeCodeFromText('SIM busy')).toBe(14);
    expect(cmeCodeFromText('  sim PIN required ')).toBe(11);
    expect(cmeCodeFromText('raspberry')).toBeUndefined();
  });
});

describe('+CMS ERROR codes (27.005 §3.2.5)', () => {
  it.each([
    [300, 'me_failure'],
    [302, 'not_allowed'],
    [304, 'invalid_pdu_parameter'],
    [310, 'sim_not_inserted'],
    [314, 'sim_busy'],
    [321, 'invalid_memory_index'],
    [322, 'memory_full'],
    [330, 'smsc_address_unknown'],
    [331, 'no_network_service'],
    [332, 'network_timeout'],
    [500, 'unknown'],
  ])('%i → %s', (code, id) => expect(describeCmsError(code).id).toBe(id));

  it('falls back on the reserved ranges', () => {
    expect(describeCmsError(21).id).toBe('transfer_rejected');
    expect(describeCmsError(55).id).toBe('network_refused');
    expect(describeCmsError(200).id).toBe('delivery_failed');
    expect(describeCmsError(420).id).toBe('unknown');
    expect(describeCmsError(530).id).toBe('vendor_specific');
  });
});

describe('error tables', () => {
  it('ids are snake_case and messages non-empty', () => {
    for (const meaning of [...cmeErrors.values(), ...cmsErrors.values()]) {
      expect(meaning.id).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
      expect(meaning.message.length).toBeGreaterThan(0);
    }
  });

  it('a verbose text maps back to one code only', () => {
    for (const errors of [cmeErrors, cmsErrors]) {
      const messages = [...errors.values()].map((m) => m.message.toLowerCase());
      expect(new Set(messages).size).toBe(messages.length);
    }
  });
});
