import { z } from 'zod';
import { dedicatedBandwidths, hostedBandwidths } from './bandwidth';

export const connectionTypes = ['DEDICATED', 'HOSTED'] as const;
export const resiliencyLevels = ['DEVELOPMENT', 'HIGH', 'MAXIMUM'] as const;

export const resiliencyHelp = {
  DEVELOPMENT: {
    label: 'Development and test',
    detail: 'One connection at one location. No redundancy: maintenance or a fibre cut takes you offline.',
    connections: 1,
  },
  HIGH: {
    label: 'High resiliency',
    detail: 'Two connections at one location, on different AWS devices. Survives a device failure or maintenance, not the loss of the location.',
    connections: 2,
  },
  MAXIMUM: {
    label: 'Maximum resiliency',
    detail: 'Two connections at each of two locations (four in all). Survives the loss of a whole location. AWS recommends it for critical workloads.',
    connections: 4,
  },
} as const satisfies Record<(typeof resiliencyLevels)[number], { label: string; detail: string; connections: number }>;

const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().min(1).optional());

/** The request form and the server action share this schema. */
export const requestConnectionSchema = z
  .object({
    type: z.enum(connectionTypes, { message: 'Choose a dedicated port or a hosted connection.' }),
    name: z
      .string()
      .trim()
      .min(3, 'Give the connection a name of at least 3 characters, e.g. "prod-ashburn-1".')
      .max(100, 'Keep the name to 100 characters or fewer.')
      .regex(/^[\w .:/@+=-]+$/, 'Use letters, digits, spaces and - _ . : / @ + = only.'),
    awsAccountId: z.string().min(1, 'Choose the AWS account the connection belongs to.'),
    region: z.string().min(1, 'Choose a region.'),
    locationId: z.string().min(1, 'Choose a location.'),
    secondLocationId: optionalId,
    bandwidth: z.string().min(1, 'Choose a speed.'),
    resiliency: z.enum(resiliencyLevels, { message: 'Choose a resiliency level.' }),
    notes: z.string().trim().max(2000, 'Keep notes to 2,000 characters or fewer.').optional().default(''),
  })
  .superRefine((value, ctx) => {
    const allowed: readonly string[] = value.type === 'DEDICATED' ? dedicatedBandwidths : hostedBandwidths;
    if (value.bandwidth && !allowed.includes(value.bandwidth)) {
      ctx.addIssue({
        code: 'custom',
        path: ['bandwidth'],
        message:
          value.type === 'DEDICATED'
            ? 'Dedicated ports come in 1, 10, 100 or 400 Gbps.'
            : 'Hosted connections come in 50 Mbps to 500 Mbps, or 1, 2, 5 or 10 Gbps.',
      });
    }
    if (value.resiliency === 'MAXIMUM') {
      if (!value.secondLocationId) {
        ctx.addIssue({ code: 'custom', path: ['secondLocationId'], message: 'Maximum resiliency needs a second location.' });
      } else if (value.secondLocationId === value.locationId) {
        ctx.addIssue({ code: 'custom', path: ['secondLocationId'], message: 'The second location must differ from the first.' });
      }
    }
  });

export type RequestConnectionInput = z.input<typeof requestConnectionSchema>;
export type RequestConnection = z.output<typeof requestConnectionSchema>;

export const rejectSchema = z.object({
  requestGroupId: z.string().min(1),
  reason: z
    .string()
    .trim()
    .min(10, 'Tell the customer why in at least 10 characters; they will see this reason.')
    .max(1000, 'Keep the reason to 1,000 characters or fewer.'),
});

export const approveSchema = z.object({
  requestGroupId: z.string().min(1),
  /** Hosted connections: interconnect and VLAN per connection of the group. */
  hosted: z
    .array(
      z.object({
        connectionId: z.string().min(1),
        interconnectId: z.string().min(1, 'Choose an interconnect.'),
        vlan: z.coerce
          .number({ message: 'Enter a VLAN number.' })
          .int('A VLAN is a whole number.')
          .min(1, 'VLANs run from 1 to 4094.')
          .max(4094, 'VLANs run from 1 to 4094.'),
      }),
    )
    .default([]),
});
