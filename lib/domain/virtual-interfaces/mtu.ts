import type { VifType } from '@/lib/db/generated/enums';
import { MTU_DEFAULT, MTU_OPTIONS, vifTypeInfo } from './constants';

export type MtuRead = { ok: true; mtu: number | undefined } | { ok: false; message: string };

export function mtuOptions(type: VifType): readonly number[] {
  return MTU_OPTIONS[type];
}

/**
 * MTU from a form value: private 1500 or 9001, transit 1500 or 8500 (empty means 1500);
 * public VIFs have no MTU setting at all, so the value must be absent.
 */
export function readMtu(input: unknown, type: VifType): MtuRead {
  const empty = input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
  if (type === 'PUBLIC') {
    return empty ? { ok: true, mtu: undefined } : { ok: false, message: 'Public virtual interfaces have no MTU setting (AWS always uses 1500); leave the MTU empty.' };
  }
  if (empty) return { ok: true, mtu: MTU_DEFAULT };
  const mtu = typeof input === 'number' ? input : typeof input === 'string' ? Number(input.trim()) : Number.NaN;
  const options = MTU_OPTIONS[type];
  const [standard, jumbo] = options;
  if ((options as readonly number[]).includes(mtu)) return { ok: true, mtu };
  const kind = vifTypeInfo[type].label.toLowerCase();
  const hint = type === 'PRIVATE' && mtu === 8500 ? ' (8500 is the transit value)' : type === 'TRANSIT' && mtu === 9001 ? ' (9001 is the private value)' : '';
  return { ok: false, message: `A ${kind} virtual interface takes MTU ${standard} or ${jumbo} (jumbo frames); ${String(input).trim()} is not one of them${hint}.` };
}

/** Jumbo MTUs need a jumbo-capable connection; null capability means AWS has not reported it yet. */
export function checkJumbo(mtu: number | undefined, jumboFrameCapable: boolean | null): string | null {
  if (mtu === undefined || mtu <= MTU_DEFAULT || jumboFrameCapable === true) return null;
  if (jumboFrameCapable === null) {
    return `AWS has not reported yet whether this connection supports jumbo frames; use MTU ${MTU_DEFAULT} for now and raise it once the connection shows as jumbo-capable.`;
  }
  return `This connection does not support jumbo frames (AWS reports it as not jumbo-capable), so the MTU must be ${MTU_DEFAULT}.`;
}

/** A mismatch lets BGP come up and then stalls large packets: the router must match. */
export function mtuWarning(mtu: number | undefined): string | null {
  if (mtu === undefined || mtu <= MTU_DEFAULT) return null;
  return `Set MTU ${mtu} on your router's interface for this VLAN too; with a smaller MTU there, BGP comes up but large packets are dropped.`;
}
