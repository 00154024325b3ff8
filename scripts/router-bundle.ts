/**
 * Renders the router server bundle (FRR configuration and install script) for one VIF.
 *
 *   npm run router-bundle -- --input params.json --out DIR [--archive FILE.tar.gz]
 *
 * Exit codes: 0 written, 1 could not read or write files, 2 bad arguments or invalid input.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderRouterBundle } from '@/lib/domain/router-bundle/render';
import { routerBundleInputSchema } from '@/lib/domain/router-bundle/schema';
import { createTarGz } from '@/lib/router-bundle/archive';

const USAGE = `Usage: npm run router-bundle -- --input PARAMS.json [--out DIR] [--archive FILE.tar.gz]

Renders the AWS Direct Connect router server bundle: FRR configuration, sysctl file, OS network
configuration, install.sh and README, for the VIF and router server described in PARAMS.json
(see scripts/examples/router-bundle.ipv4.json and scripts/examples/README.md).

  --input FILE     the parameters (JSON); "-" reads standard input
  --out DIR        write the bundle's files under DIR/dx-router-<vif id>/ with their modes
  --archive FILE   also write the bundle as a reproducible .tar.gz
  --help           show this text

At least one of --out and --archive is required. The output contains the BGP MD5 key.
Exit codes: 0 written, 1 file error, 2 bad arguments or invalid parameters.`;

type Args = { input?: string; out?: string; archive?: string; help?: boolean };

function parse(argv: string[]): Args | string {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        input: { type: 'string', short: 'i' },
        out: { type: 'string', short: 'o' },
        archive: { type: 'string', short: 'a' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    return values;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** `router.backendNetworks.0` → `router.backendNetworks[0]`. */
const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') || '(input)';

function main(argv: string[]): number {
  const args = parse(argv);
  if (typeof args === 'string') {
    process.stderr.write(`router-bundle: ${args}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!args.input || (!args.out && !args.archive)) {
    process.stderr.write(`router-bundle: --input and one of --out or --archive are required\n\n${USAGE}\n`);
    return 2;
  }

  let text: string;
  try {
    text = readFileSync(args.input === '-' ? 0 : args.input, 'utf8');
  } catch (error) {
    process.stderr.write(`router-bundle: cannot read ${args.input}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    process.stderr.write(`router-bundle: ${args.input} is not valid JSON: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const parsed = routerBundleInputSchema.safeParse(json);
  if (!parsed.success) {
    process.stderr.write(`router-bundle: ${args.input} has ${parsed.error.issues.length} problem(s):\n`);
    for (const issue of parsed.error.issues) process.stderr.write(`  ${formatPath(issue.path)}: ${issue.message}\n`);
    return 2;
  }

  const bundle = renderRouterBundle(parsed.data);
  try {
    if (args.out) {
      for (const file of bundle.files) {
        const target = join(resolve(args.out), file.path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, file.content, { mode: file.mode });
        // writeFileSync's mode is filtered by the umask and ignored for existing files.
        chmodSync(target, file.mode);
      }
      process.stdout.write(`wrote ${bundle.files.length} files to ${join(resolve(args.out), bundle.rootDir)}/\n`);
    }
    if (args.archive) {
      writeFileSync(args.archive, createTarGz(bundle.files), { mode: 0o600 });
      chmodSync(args.archive, 0o600);
      process.stdout.write(`wrote ${resolve(args.archive)}\n`);
    }
  } catch (error) {
    process.stderr.write(`router-bundle: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  process.stdout.write('The bundle contains the BGP MD5 key: keep it private. On the router server: sudo ./install.sh\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
