import { routerBundleInputSchema, type RouterBundleInput } from './schema';

/** A valid input to derive test cases from; each call returns a fresh copy. */
export function validInput(family: 'ipv4' | 'ipv6' = 'ipv4'): RouterBundleInput {
  const v6 = family === 'ipv6';
  return {
    vif: {
      id: 'dxvif-ffabc123',
      type: 'private',
      vlan: 100,
      addressFamily: family,
      customerAddress: v6 ? '2001:db8:10::2/125' : '169.254.10.2/30',
      amazonAddress: v6 ? '2001:db8:10::1/125' : '169.254.10.1/30',
      asn: 65000,
      amazonSideAsn: 64512,
      authKey: 'x7Gq2mT9vL4pR8sK',
      mtu: 1500,
    },
    router: {
      hostname: 'rs1',
      interface: 'eth1',
      tagVlan: true,
      backendInterface: 'eth2',
      backendNetworks: [v6 ? '2001:db8:20::/64' : '10.20.0.0/24'],
      os: 'debian',
    },
    options: { advertiseDefaultRoute: false, acceptedPrefixes: [] },
  };
}

type Mutable = { vif: Record<string, unknown>; router: Record<string, unknown>; options: Record<string, unknown> };

/** Applies `change` to a valid input and returns the issues as "path: message" lines. */
export function issuesAfter(change: (input: Mutable) => void, family: 'ipv4' | 'ipv6' = 'ipv4'): string[] {
  const input = validInput(family) as unknown as Mutable;
  change(input);
  const result = routerBundleInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
