import { describe, expect, it } from 'vitest';
import { checkVlanOnConnection, readVlan, suggestVlan, vlanChoice, vlanWarning } from './vlan';

describe('readVlan', () => {
  it.each([
    [1, 1],
    [2, 2],
    [4094, 4094],
    ['100', 100],
    [' 4094 ', 4094],
    ['+7', 7],
  ])('accepts %j', (input, vlan) => {
    expect(readVlan(input)).toEqual({ ok: true, vlan });
  });

  it.each([
    [0, 'VLAN 0 is reserved by 802.1Q (it marks priority-tagged frames that carry no VLAN); use 1 to 4094.'],
    ['0', 'VLAN 0 is reserved by 802.1Q (it marks priority-tagged frames that carry no VLAN); use 1 to 4094.'],
    [4095, 'VLAN 4095 is reserved by 802.1Q; use 1 to 4094.'],
    [4096, 'VLAN IDs run from 1 to 4094; 4096 is outside that range.'],
    [-1, 'VLAN IDs run from 1 to 4094; -1 is outside that range.'],
    ['-5', 'VLAN IDs run from 1 to 4094; -5 is outside that range.'],
    [12.5, 'A VLAN ID is a whole number from 1 to 4094; 12.5 is not.'],
    ['12.5', 'A VLAN ID is a whole number from 1 to 4094; 12.5 is not.'],
    [Number.NaN, 'A VLAN ID is a whole number from 1 to 4094; NaN is not.'],
    ['abc', '"abc" is not a VLAN ID; enter a whole number from 1 to 4094.'],
    ['1e3', '"1e3" is not a VLAN ID; enter a whole number from 1 to 4094.'],
    ['0x10', '"0x10" is not a VLAN ID; enter a whole number from 1 to 4094.'],
    ['', 'Enter a VLAN ID from 1 to 4094.'],
    ['   ', 'Enter a VLAN ID from 1 to 4094.'],
    [undefined, 'Enter a VLAN ID from 1 to 4094.'],
    [null, 'Enter a VLAN ID from 1 to 4094.'],
    [true, 'Enter a VLAN ID from 1 to 4094.'],
  ])('refuses %j', (input, message) => {
    expect(readVlan(input)).toEqual({ ok: false, message });
  });
});

describe('vlanWarning', () => {
  it('warns about VLAN 1 only', () => {
    expect(vlanWarning(1)).toBe('VLAN 1 is usually the native/management VLAN; pick another unless your provider told you to use it.');
    expect(vlanWarning(2)).toBeNull();
    expect(vlanWarning(4094)).toBeNull();
  });
});

describe('suggestVlan', () => {
  it('starts at 100 and skips used VLANs', () => {
    expect(suggestVlan([])).toBe(100);
    expect(suggestVlan([100, 101, 103])).toBe(102);
    expect(suggestVlan(new Set([100]))).toBe(101);
  });
  it('honours a preferred range', () => {
    expect(suggestVlan([], { min: 2000, max: 2010 })).toBe(2000);
    expect(suggestVlan([2000, 2001], { min: 2000, max: 2010 })).toBe(2002);
  });
  it('falls back to the whole range, never to VLAN 1', () => {
    const range = Array.from({ length: 11 }, (_, i) => 2000 + i);
    expect(suggestVlan(range, { min: 2000, max: 2010 })).toBe(2);
    expect(suggestVlan([], { min: 0, max: 1 })).toBe(2);
    const allButOne = Array.from({ length: 4093 }, (_, i) => i + 2);
    expect(suggestVlan(allButOne)).toBeNull();
    expect(suggestVlan(allButOne.filter((v) => v !== 57))).toBe(57);
  });
  it('clamps the preferred range to 2–4094', () => {
    expect(suggestVlan([], { min: 4090, max: 9999 })).toBe(4090);
    expect(suggestVlan([4094], { min: 4094, max: 5000 })).toBe(2);
  });
});

describe('checkVlanOnConnection', () => {
  it('refuses a VLAN already in use and names a free one', () => {
    expect(checkVlanOnConnection({ vlan: 100, usedVlans: [100, 101], hostedVlan: null })).toBe(
      'VLAN 100 is already in use on this connection; each virtual interface needs a VLAN of its own. VLAN 102 is free.',
    );
    expect(checkVlanOnConnection({ vlan: 102, usedVlans: [100, 101], hostedVlan: null })).toBeNull();
  });
  it('says when nothing is free', () => {
    const all = Array.from({ length: 4094 }, (_, i) => i + 1);
    expect(checkVlanOnConnection({ vlan: 5, usedVlans: all, hostedVlan: null })).toMatch(/Every VLAN on this connection is taken\.$/);
  });
  it('fixes the VLAN of a hosted connection and ignores the used set there', () => {
    expect(checkVlanOnConnection({ vlan: 123, usedVlans: [123], hostedVlan: 123 })).toBeNull();
    expect(checkVlanOnConnection({ vlan: 124, usedVlans: [], hostedVlan: 123 })).toBe(
      "This hosted connection's VLAN is fixed at 123 by your provider; the virtual interface must use VLAN 123.",
    );
  });
});

describe('vlanChoice', () => {
  it('is fixed on hosted connections and suggested on dedicated ones', () => {
    expect(vlanChoice({ hostedVlan: 321, usedVlans: [] })).toEqual({ fixed: true, vlan: 321 });
    expect(vlanChoice({ hostedVlan: null, usedVlans: [100] })).toEqual({ fixed: false, suggestion: 101 });
  });
});
