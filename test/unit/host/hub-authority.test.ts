import { describe, expect, it } from 'vitest';
import { canonicalAddress, hubAuthority } from '../../../electron/host/network-listener';

describe('the Host the hub answers to', () => {
  it('is the address as browsers write it, however it was typed', () => {
    expect(hubAuthority('2001:db8:0:0::1', 5171)).toBe('[2001:db8::1]:5171');
    expect(hubAuthority('2001:db8::1', 5171)).toBe('[2001:db8::1]:5171');
    expect(hubAuthority('FE80:0000:0000:0000:0000:0000:0000:0001', 5171)).toBe('[fe80::1]:5171');
    expect(hubAuthority('0:0:0:0:0:0:0:1', 443)).toBe('[::1]');
    expect(hubAuthority('192.168.1.20', 5171)).toBe('192.168.1.20:5171');
  });

  it('compares addresses as the system lists them', () => {
    expect(canonicalAddress('2001:DB8:0:0::1')).toBe('2001:db8::1');
    expect(canonicalAddress('192.168.1.20')).toBe('192.168.1.20');
  });
});
