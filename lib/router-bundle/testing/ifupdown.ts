/**
 * A reader for the small ifupdown subset the bundle writes, so the FRR test configures the
 * router server's namespace from the bundle's own network file rather than from a second copy of
 * the addresses.
 */

export type IfaceStanza = {
  name: string;
  family: 'inet' | 'inet6';
  method: string;
  options: Map<string, string>;
};

export function parseIfupdown(text: string): IfaceStanza[] {
  const stanzas: IfaceStanza[] = [];
  let current: IfaceStanza | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [keyword, ...rest] = line.split(/\s+/);
    if (keyword === 'iface') {
      const [name, family, method] = rest;
      if (!name || (family !== 'inet' && family !== 'inet6') || !method) throw new Error(`bad iface line: ${raw}`);
      current = { name, family, method, options: new Map() };
      stanzas.push(current);
    } else if (keyword === 'auto' || keyword === 'allow-hotplug') {
      current = null;
    } else if (current && keyword) {
      current.options.set(keyword, rest.join(' '));
    } else {
      throw new Error(`option outside an iface stanza: ${raw}`);
    }
  }
  return stanzas;
}

/** The ip(8) commands ifup would run for a stanza once its link exists. */
export function stanzaCommands(stanza: IfaceStanza): string[][] {
  const cmds: string[][] = [];
  const mtu = stanza.options.get('mtu');
  if (mtu) cmds.push(['ip', 'link', 'set', 'dev', stanza.name, 'mtu', mtu]);
  if (stanza.options.get('accept_ra') === '0') cmds.push(['sysctl', '-qw', `net.ipv6.conf.${stanza.name.replace(/\./g, '/')}.accept_ra=0`]);
  if (stanza.options.get('autoconf') === '0') cmds.push(['sysctl', '-qw', `net.ipv6.conf.${stanza.name.replace(/\./g, '/')}.autoconf=0`]);
  cmds.push(['ip', 'link', 'set', 'dev', stanza.name, 'up']);
  const address = stanza.options.get('address');
  if (stanza.method === 'static') {
    if (!address) throw new Error(`static stanza ${stanza.name} without address`);
    cmds.push(['ip', stanza.family === 'inet' ? '-4' : '-6', 'addr', 'add', address, 'dev', stanza.name]);
  }
  return cmds;
}
