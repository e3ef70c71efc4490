import { describe, expect, it } from 'vitest';
import {
  CUSD_MAX_LINES,
  createCusdAccumulator,
  isCusdComplete,
  parseCusd,
} from '../../../../electron/gsm/at/parsers';

describe('parseCusd', () => {
  it.each([
    ['+CUSD: 0', { status: 0, meaning: 'done', quoted: false, closed: true }],
    ['+CUSD: 4', { status: 4, meaning: 'not-supported' }],
    ['+CUSD: 1,"Menu",15', { status: 1, meaning: 'action-required', text: 'Menu', dcs: 15 }],
    ['+CUSD: 2,"Initiating Release",15', { status: 2, meaning: 'terminated-by-network' }],
    ['+CUSD: 0,"No DCS"', { text: 'No DCS', quoted: true, closed: true }],
    ['+CUSD: 0,"",15', { text: '', dcs: 15 }],
    ['+CUSD: 0, "Spaces" , 72', { text: 'Spaces', dcs: 72 }],
    ['+CUSD:0,"Tight",0', { status: 0, text: 'Tight', dcs: 0 }],
    ['+CUSD: 0,"Say "hi" now",15', { text: 'Say "hi" now', dcs: 15 }],
    ['+CUSD: 0,"1,500 XPF, valid 7 days",15', { text: '1,500 XPF, valid 7 days', dcs: 15 }],
    ['+CUSD: 0,Unquoted answer,15', { text: 'Unquoted answer', dcs: 15, quoted: false }],
    ['+CUSD: 0,Unquoted and no DCS', { text: 'Unquoted and no DCS', quoted: false }],
    ['+CUSD: 1,"Open and never closed', { text: 'Open and never closed', closed: false }],
    ['+CUSD: 1,"Menu\n1. Solde\n2. Recharge",15', { text: 'Menu\n1. Solde\n2. Recharge', dcs: 15 }],
    ['+CUSD: 9,"x",15', { status: 9, meaning: 'unknown' }],
  ])('%j', (line, expected) => {
    const result = parseCusd(line);
    expect(result.ok && result.value).toMatchObject(expected);
  });

  it('refuses what is not +CUSD', () => {
    const wrong = parseCusd('+CUSX: 0');
    expect(!wrong.ok && wrong.error.code).toBe('wrong_prefix');
    const malformed = parseCusd('+CUSD: x');
    expect(!malformed.ok && malformed.error.code).toBe('malformed');
  });
});

describe('isCusdComplete', () => {
  it.each([
    ['+CUSD: 0', true],
    ['+CUSD: 0,"Balance",15', true],
    ['+CUSD: 0,"Balance"', true],
    ['+CUSD: 0,""', true],
    ['+CUSD: 0,Unquoted', true],
    ['+CUSD: 1,"Menu', false],
    ['+CUSD: 1,"Menu\n1. Solde', false],
    ['+CUSD: 1,"Menu\n1. Solde\n2. Recharge",15', true],
    ['+CUSD: 1,"1. Say "yes"', false],
    ['+CUSD: 1,"1. Say "yes"\n2. No",15', true],
    ['+CUSD: 1,"', false],
  ])('%j → %s', (text, complete) => expect(isCusdComplete(text)).toBe(complete));
});

describe('cusdAccumulator', () => {
  it('joins a menu until the closing quote and DCS', () => {
    const acc = createCusdAccumulator();
    expect(acc.push('+CUSD: 1,"Choisissez:')).toBeNull();
    expect(acc.push('1. Solde')).toBeNull();
    expect(acc.bufferedChars()).toBeGreaterThan(0);
    expect(acc.push('2. Recharge",15')).toEqual({
      text: '+CUSD: 1,"Choisissez:\n1. Solde\n2. Recharge",15',
      truncated: false,
    });
    expect(acc.bufferedChars()).toBe(0);
  });

  it('returns a one-line answer at once', () => {
    expect(createCusdAccumulator().push('+CUSD: 0,"OK",15')).toEqual({
      text: '+CUSD: 0,"OK",15',
      truncated: false,
    });
  });

  it('gives up on a quote that never closes', () => {
    const acc = createCusdAccumulator();
    let out = acc.push('+CUSD: 1,"never closed');
    for (let i = 1; i < CUSD_MAX_LINES && out === null; i++) out = acc.push(`line ${i}`);
    expect(out?.truncated).toBe(true);
  });
});
