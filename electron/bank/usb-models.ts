/**
 * Which USB interface of a known modem is its AT command port, as data
 * (resources/usb-modem-ports.json, seeded from ModemManager's per-vendor udev rules): a modem
 * shows 3 to 5 serial ports, and only one of them is the one to send USSD through.
 */
import { z } from 'zod';
import tableJson from '../../resources/usb-modem-ports.json';

export type PortRole = 'at' | 'other' | 'unknown';

const hex = (digits: number, example: string) =>
  z
    .string()
    .regex(
      new RegExp(`^[0-9a-f]{${digits}}$`, 'i'),
      `must be ${digits} hex digits such as ${example}`,
    )
    .transform((text) => text.toLowerCase());

const usbId = z
  .string()
  .regex(/^[0-9a-f]{4}:[0-9a-f]{4}$/i, 'must be a USB vendor:product id such as 2c7c:0125')
  .transform((id) => id.toLowerCase());

const interfaceClass = z
  .string()
  .regex(
    /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{2}$/i,
    'must be class/subclass/protocol in hex: ff/02/02',
  )
  .transform((text) => text.toLowerCase());

/** One port of a model, named by its interface number or by its interface class triple. */
const portRuleSchema = z.union([
  z.strictObject({
    interface: z.number().int().min(0).max(255),
    role: z.enum(['at', 'other']),
    why: z.string().max(100).optional(),
  }),
  z.strictObject({
    class: interfaceClass,
    role: z.enum(['at', 'other']),
    why: z.string().max(100).optional(),
  }),
]);

/** A model (or a family sharing one layout): matched by its USB ids, or by its vendor alone. */
const modelSchema = z
  .strictObject({
    name: z.string().min(1).max(100),
    usb: z.array(usbId).min(1).max(50).optional(),
    vendor: hex(4, '12d1').optional(),
    ports: z.array(portRuleSchema).min(1).max(20),
  })
  .refine((model) => (model.usb === undefined) !== (model.vendor === undefined), {
    message: 'names either its usb ids or its vendor, not both',
  })
  .refine((model) => model.ports.filter((port) => port.role === 'at').length >= 1, {
    message: 'names its AT port',
  });

export const usbModelTableSchema = z.strictObject({
  source: z.string().min(1),
  models: z.array(modelSchema).min(1),
});

export type UsbModelTable = z.output<typeof usbModelTableSchema>;

/** The table shipped with the build, checked when first read. */
export const shippedUsbModels = (): UsbModelTable => usbModelTableSchema.parse(tableJson);

/** What the system says about a port's USB side. */
export interface UsbPortFacts {
  vendorId: string;
  productId: string;
  interface: number | null;
  /** `ff/02/02`, when known. */
  interfaceClass: string | null;
}

/**
 * The port's role by the table: `at` for the known AT port, `other` for a known port of another
 * use (never probed: writing AT into a diagnostics port or a second AT port of the same modem
 * helps nobody), `unknown` for a port of a model the table does not know, or whose interface it
 * does not name (probed with AT only). A model matched by its exact ids wins over its vendor's.
 */
export function portRole(facts: UsbPortFacts, table: UsbModelTable): PortRole {
  const id = `${facts.vendorId}:${facts.productId}`.toLowerCase();
  const vendor = facts.vendorId.toLowerCase();
  const model =
    table.models.find((candidate) => candidate.usb?.includes(id)) ??
    table.models.find((candidate) => candidate.vendor === vendor);
  if (!model) return 'unknown';
  const rule = model.ports.find((port) =>
    'interface' in port
      ? port.interface === facts.interface
      : port.class === facts.interfaceClass?.toLowerCase(),
  );
  return rule?.role ?? 'unknown';
}
