import { Card, CardBody, CardHeader, CardTitle } from '../ui/card';
import type { ActionResult } from '@/lib/auth/action';
import { ConfirmActionDialog } from '../forms/confirm-action-dialog';

/**
 * The Delete card of a gateway page. A request AWS never carried out ("failed request") is only
 * removed from the portal; a real gateway is deleted in AWS after confirmation.
 */
export function DeleteGatewayCard({
  action,
  kind,
  service,
  name,
  failedRequest,
  description,
  blockedReason,
}: {
  action: () => Promise<ActionResult<unknown>>;
  /** e.g. "Direct Connect gateway" */
  kind: string;
  /** The AWS service that creates and deletes it: "AWS" (Direct Connect) or "EC2". */
  service: 'AWS' | 'EC2';
  name: string;
  failedRequest: boolean;
  /** Names exactly what a real delete destroys. */
  description: React.ReactNode;
  blockedReason: string | null;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Delete</CardTitle>
      </CardHeader>
      <CardBody>
        <ConfirmActionDialog
          action={action}
          triggerLabel={failedRequest ? 'Remove failed request…' : 'Delete gateway…'}
          title={failedRequest ? `Remove the failed request "${name}"?` : `Delete ${kind} "${name}"?`}
          description={
            failedRequest
              ? `${service} never created this gateway; removing the request only takes it off the portal. Its timeline stays in the audit log.`
              : description
          }
          confirmLabel={failedRequest ? 'Remove request' : 'Delete gateway'}
          pendingLabel="Deleting…"
          successMessage={failedRequest ? 'Request removed.' : `${service} is deleting the gateway; this page updates by itself.`}
          blockedReason={blockedReason}
        />
      </CardBody>
    </Card>
  );
}
