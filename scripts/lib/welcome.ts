/** What `npm run dev` prints once everything answers: every URL that works, with the real ports. */
export type WelcomeInput = {
  appPort: number;
  sandboxPort: number;
  users: ReadonlyArray<{ email: string; does: string }>;
  password: string;
  /** Extra "name: url" lines, e.g. the mail inbox. */
  extras?: ReadonlyArray<string>;
};

export function welcomeText({ appPort, sandboxPort, users, password, extras = [] }: WelcomeInput): string {
  const width = Math.max(...users.map((u) => u.email.length));
  const sandbox = `http://127.0.0.1:${sandboxPort}`;
  return `
┌──────────────────────────────────────────────────────────────────────────
│ dx-portal is running: http://localhost:${appPort} (or http://127.0.0.1:${appPort})
│ AWS sandbox: ${sandbox} (control API /_sandbox)
${extras.map((line) => `│ ${line}`).join('\n')}${extras.length ? '\n' : ''}│
│ Demo sign-ins (password: ${password})
${users.map((u) => `│   ${u.email.padEnd(width)}  ${u.does}`).join('\n')}
│
│ Act out a customer router bringing BGP up on a virtual interface:
│   curl -X POST ${sandbox}/_sandbox/virtual-interfaces/<dxvif-id>/bgp -d '{"status":"up"}'
│
│ Ctrl-C stops everything; your data stays in .data/.
└──────────────────────────────────────────────────────────────────────────`;
}
