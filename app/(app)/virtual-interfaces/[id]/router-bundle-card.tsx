import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import type { RouterBundle } from '@/lib/domain/router-bundle/render';
import { settingsFormValues } from '@/lib/virtual-interfaces/bundle';
import { awsRouterTypes } from '@/lib/virtual-interfaces/commands';
import { RouterConfigPicker } from './router-config-picker';
import { RouterSettingsFormCard } from './router-settings-form';

/** Router-server settings, the bundle preview (key masked), its download and AWS's vendor templates. */
export function RouterBundleCard({ id, vlan, settings, preview }: { id: string; vlan: number; settings: unknown; preview: RouterBundle | null }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Router server bundle (FRRouting)</CardTitle>
        {preview ? (
          <Button asChild>
            <a href={`/api/virtual-interfaces/${id}/router-bundle`} download>
              <Download aria-hidden />
              Download {preview.archiveName}
            </a>
          </Button>
        ) : null}
      </CardHeader>
      <CardBody className="space-y-5">
        <p className="text-sm text-slate-700">
          One archive for a Linux router server: FRR with explicit BGP policy, the VLAN interface, IP forwarding and an idempotent{' '}
          <code className="font-mono">install.sh</code> that ends by showing <code className="font-mono">show bgp summary</code>. It contains the MD5 key;
          downloads are recorded.
        </p>
        <RouterSettingsFormCard id={id} initial={settingsFormValues(settings)} vlan={vlan} />
        {preview ? (
          <div className="space-y-2">
            <p className="text-sm font-medium text-slate-800">Preview (key masked)</p>
            {preview.files.map((file) => (
              <details key={file.path} className="rounded-md border border-slate-200">
                <summary className="cursor-pointer px-3 py-2 font-mono text-xs text-slate-800">{file.path}</summary>
                <pre className="max-h-80 overflow-auto border-t border-slate-200 bg-slate-900 p-3 text-xs text-slate-100">
                  <code>{file.content}</code>
                </pre>
              </details>
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-600">Save the settings to see the files and download the bundle.</p>
        )}
        <RouterConfigPicker id={id} types={[...awsRouterTypes]} />
      </CardBody>
    </Card>
  );
}
