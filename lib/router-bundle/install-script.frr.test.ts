import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRouterBundle, type RouterBundle } from '@/lib/domain/router-bundle/render';
import type { RouterBundleInput } from '@/lib/domain/router-bundle/schema';
import { validInput } from '@/lib/domain/router-bundle/test-fixtures';

/**
 * install.sh, run for real against a fake root: DX_BUNDLE_ROOT prefixes every path it reads or
 * writes, and the commands that would change the machine (package manager, systemctl, ifup,
 * netplan, nmcli, sysctl, modprobe, ip) are stubs on PATH that only record their arguments.
 * Real: bash, coreutils (install, cmp, cp, chown), grep, and `vtysh -C` validating the config.
 * Not proven here: that the stubbed commands behave as assumed on a real distribution.
 */

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const realVtysh = spawnSync('sh', ['-c', 'command -v vtysh'], { encoding: 'utf8' }).stdout.trim();
const frrUid = Number(spawnSync('id', ['-u', 'frr'], { encoding: 'utf8' }).stdout.trim() || NaN);
const missing = [...(isRoot ? [] : ['needs root']), ...(realVtysh ? [] : ['vtysh not found']), ...(Number.isNaN(frrUid) ? ['user frr not found'] : [])];
const required = Boolean(process.env.CI) || process.env.DX_REQUIRE_FRR === '1';

const STUB = `#!/bin/bash
name="$(basename "$0")"
printf '%s %s\\n' "$name" "$*" >> "$DX_STUB_LOG"
state="$DX_STUB_STATE"
case "$name" in
  dpkg-query) [ -e "$state/frr-installed" ] && printf 'install ok installed'; exit 0 ;;
  rpm) [ -e "$state/frr-installed" ]; exit ;;
  apt-get|dnf) case "$*" in *install*) touch "$state/frr-installed" ;; esac; exit 0 ;;
  systemctl) case "$1" in is-active) [ -e "$state/frr-active" ]; exit ;; restart) touch "$state/frr-active" ;; esac; exit 0 ;;
  nmcli) case "$*" in *"show --active"*) cat "$state/nm-active" 2>/dev/null ;; "connection up "*) echo "$3" >> "$state/nm-active" ;; esac; exit 0 ;;
  vtysh) [ "$1" = -C ] && exec "$DX_REAL_VTYSH" "$@"
         case "$*" in *json*) echo '{"bgpState":"Established"}' ;; *) echo 'stub: show bgp summary' ;; esac; exit 0 ;;
  *) exit 0 ;;
esac
`;
const STUBBED = ['apt-get', 'dpkg-query', 'dnf', 'rpm', 'systemctl', 'ifup', 'ifdown', 'netplan', 'nmcli', 'sysctl', 'modprobe', 'ip', 'vtysh', 'restorecon'];

const DEBIAN_FRR_CONF = 'log syslog informational\n';
const DEBIAN_DAEMONS = 'bgpd=no\nospfd=no\nvtysh_enable=yes\n';

type Env = { dir: string; root: string; log: string };

function setUp(bundle: RouterBundle, osRelease: string): Env {
  const dir = mkdtempSync(join(tmpdir(), 'dx-install-test-'));
  const root = join(dir, 'root');
  const stubs = join(dir, 'stubs');
  for (const d of [root, stubs, join(dir, 'state'), join(root, 'etc/frr'), join(root, 'etc/network')]) mkdirSync(d, { recursive: true });
  writeFileSync(join(stubs, 'stub'), STUB, { mode: 0o755 });
  for (const name of STUBBED) symlinkSync(join(stubs, 'stub'), join(stubs, name));
  writeFileSync(join(root, 'etc/os-release'), osRelease);
  writeFileSync(join(root, 'etc/network/interfaces'), 'source /etc/network/interfaces.d/*\n\nauto lo\niface lo inet loopback\n');
  writeFileSync(join(root, 'etc/frr/frr.conf'), DEBIAN_FRR_CONF);
  writeFileSync(join(root, 'etc/frr/daemons'), DEBIAN_DAEMONS);
  writeFileSync(join(root, 'etc/frr/vtysh.conf'), 'service integrated-vtysh-config\n');
  for (const f of bundle.files) {
    const target = join(dir, 'bundle', f.path);
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, f.content);
    chmodSync(target, f.mode);
  }
  return { dir, root, log: join(dir, 'calls.log') };
}

function install(env: Env, bundle: RouterBundle) {
  writeFileSync(env.log, '');
  // Run from elsewhere: the script must find its own directory.
  const r = spawnSync('bash', [join(env.dir, 'bundle', bundle.rootDir, 'install.sh')], {
    cwd: tmpdir(),
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${join(env.dir, 'stubs')}:${process.env.PATH ?? ''}`,
      DX_BUNDLE_ROOT: env.root,
      DX_STUB_LOG: env.log,
      DX_STUB_STATE: join(env.dir, 'state'),
      DX_REAL_VTYSH: realVtysh,
    },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, calls: readFileSync(env.log, 'utf8').trim().split('\n').filter(Boolean) };
}

const indexOf = (calls: string[], prefix: string) => calls.findIndex((c) => c.startsWith(prefix));

describe('install.sh syntax', () => {
  it.each(['debian', 'ubuntu', 'rhel'] as const)('parses with bash -n (%s, tagged and untagged)', (os) => {
    for (const tagVlan of [true, false]) {
      const input = validInput();
      input.router.os = os;
      input.router.tagVlan = tagVlan;
      const script = renderRouterBundle(input).files.find((f) => f.path.endsWith('/install.sh'));
      const r = spawnSync('bash', ['-n'], { input: script?.content, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  });
});

if (missing.length > 0 && !required) console.warn(`SKIPPED install.sh fake-root runs (${missing.join('; ')})`);

describe.skipIf(missing.length > 0 && !required)('install.sh on a fake root with stubbed system commands', () => {
  it('has its prerequisites', () => expect(missing).toEqual([]));

  describe('Debian, first run then a rerun', () => {
    const bundle = renderRouterBundle(validInput());
    let env: Env;
    let first: ReturnType<typeof install>;
    let second: ReturnType<typeof install>;
    beforeAll(() => {
      env = setUp(bundle, 'ID=debian\nVERSION_ID="12"\n');
      first = install(env, bundle);
      second = install(env, bundle);
    });
    afterAll(() => rmSync(env.dir, { recursive: true, force: true }));

    it('installs FRR, validates before changing anything, and applies in order', () => {
      expect(first.status, first.out).toBe(0);
      const c = first.calls;
      const order = ['apt-get install', 'vtysh -C -f', 'modprobe 8021q', 'ifup eth1 eth1.100', 'sysctl -p', 'systemctl enable frr', 'systemctl restart frr', 'vtysh -c show bgp summary'];
      const positions = order.map((p) => indexOf(c, p));
      expect(positions.every((p) => p >= 0), `${order.join(', ')}\nin\n${c.join('\n')}`).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(c).toContain(`sysctl -p ${env.root}/etc/sysctl.d/90-dx-routing.conf`);
      expect(first.out).toContain('BGP with AWS is Established');
    });

    it('writes every file with its owner and mode, replacing the packaged FRR files', () => {
      for (const i of bundle.installs) {
        const path = join(env.root, i.path);
        const content = bundle.files.find((f) => f.path === `${bundle.rootDir}/${i.path}`)?.content;
        expect(readFileSync(path, 'utf8')).toBe(content);
        const st = statSync(path);
        expect(st.mode & 0o777, i.path).toBe(i.mode);
        expect(st.uid, i.path).toBe(i.owner === 'frr' ? frrUid : 0);
      }
      expect(readFileSync(join(env.root, 'etc/frr/daemons'), 'utf8')).toContain('bgpd=yes');
    });

    it('keeps the originals once, under a timestamp-free name', () => {
      const backups = join(env.root, 'var/backups/dx-router-dxvif-ffabc123');
      expect(readFileSync(join(backups, 'etc/frr/frr.conf'), 'utf8')).toBe(DEBIAN_FRR_CONF);
      expect(readFileSync(join(backups, 'etc/frr/daemons'), 'utf8')).toBe(DEBIAN_DAEMONS);
      expect(statSync(backups).mode & 0o777).toBe(0o700);
      expect(existsSync(join(backups, 'etc/sysctl.d'))).toBe(false);
    });

    it('changes nothing on a rerun: no package install, no restart, same backups', () => {
      expect(second.status, second.out).toBe(0);
      expect(indexOf(second.calls, 'apt-get')).toBe(-1);
      expect(indexOf(second.calls, 'systemctl restart')).toBe(-1);
      expect(second.out).toContain('unchanged /etc/frr/frr.conf');
      expect(second.out).toContain('FRR configuration unchanged; not restarting');
      expect(readFileSync(join(env.root, 'var/backups/dx-router-dxvif-ffabc123/etc/frr/frr.conf'), 'utf8')).toBe(DEBIAN_FRR_CONF);
    });

    it('restarts FRR when a new bundle changes frr.conf, still keeping the first original', () => {
      const input = validInput();
      input.router.backendNetworks = ['10.30.0.0/24'];
      const next = renderRouterBundle(input);
      for (const f of next.files) writeFileSync(join(env.dir, 'bundle', f.path), f.content);
      const third = install(env, next);
      expect(third.status, third.out).toBe(0);
      expect(indexOf(third.calls, 'systemctl restart frr')).toBeGreaterThan(-1);
      expect(readFileSync(join(env.root, 'etc/frr/frr.conf'), 'utf8')).toContain('network 10.30.0.0/24');
      expect(readFileSync(join(env.root, 'var/backups/dx-router-dxvif-ffabc123/etc/frr/frr.conf'), 'utf8')).toBe(DEBIAN_FRR_CONF);
    });
  });

  it('refuses another distribution, and a config FRR rejects, before writing anything', () => {
    const bundle = renderRouterBundle(validInput());
    const wrongOs = setUp(bundle, 'ID=ubuntu\nID_LIKE=debian\n');
    const r = install(wrongOs, bundle);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('this bundle was generated for debian but this server is ubuntu');
    expect(readFileSync(join(wrongOs.root, 'etc/frr/frr.conf'), 'utf8')).toBe(DEBIAN_FRR_CONF);
    rmSync(wrongOs.dir, { recursive: true, force: true });

    const broken = setUp(bundle, 'ID=debian\n');
    writeFileSync(join(broken.dir, 'bundle', bundle.rootDir, 'etc/frr/frr.conf'), 'router bgp 65000\n bogus command\n');
    const b = install(broken, bundle);
    expect(b.status).not.toBe(0);
    expect(b.out).toContain('FRR rejected etc/frr/frr.conf; nothing was changed');
    expect(readFileSync(join(broken.root, 'etc/frr/frr.conf'), 'utf8')).toBe(DEBIAN_FRR_CONF);
    expect(indexOf(b.calls, 'ifup')).toBe(-1);
    rmSync(broken.dir, { recursive: true, force: true });
  });

  it.each([
    ['ubuntu', 'ID=ubuntu\nID_LIKE=debian\n', ['netplan generate', 'netplan apply'], 'etc/netplan/60-dx-dxvif-ffabc123.yaml'],
    ['rhel', 'ID="rocky"\nID_LIKE="rhel centos fedora"\n', ['dnf install -y frr', 'nmcli connection reload', 'nmcli connection up dx-dxvif-ffabc123-parent', 'nmcli connection up dx-dxvif-ffabc123'], 'etc/NetworkManager/system-connections/dx-dxvif-ffabc123.nmconnection'],
  ] as const)('brings the link up the %s way', (os, release, expected, networkFile) => {
    const input: RouterBundleInput = validInput();
    input.router.os = os;
    const bundle = renderRouterBundle(input);
    const env = setUp(bundle, release);
    try {
      const r = install(env, bundle);
      expect(r.status, r.out).toBe(0);
      for (const call of expected) expect(r.calls, call).toContain(call);
      expect(statSync(join(env.root, networkFile)).mode & 0o777).toBe(0o600);
      const again = install(env, bundle);
      expect(again.calls.filter((c) => c.startsWith('netplan apply') || c.startsWith('nmcli connection up'))).toEqual([]);
    } finally {
      rmSync(env.dir, { recursive: true, force: true });
    }
  });
});
