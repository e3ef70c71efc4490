import { z } from 'zod';

/** How a modem id is spelled: lowercase letters and digits, words joined by dashes. */
export const modemIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The shop's name for a modem, e.g. "modem-1": printed on reports (which dealer SIM sold what). */
export const modemIdSchema = z
  .string()
  .trim()
  .regex(modemIdPattern, { error: 'Lowercase letters, digits and dashes' })
  .max(32);

/** Something written as a URL (`scheme://…`): never a serial port's name. */
const urlLike = /^[a-z][a-z0-9+.-]*:\/\//i;

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const hostName =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/**
 * Why `address` is not a HiLink stick's address, or null when it is one: `http://` (the stick
 * serves no TLS), a host that is an IP literal or a host name, an optional port, nothing else
 * (no credentials: a stick's password is never kept in a URL; no path, query or fragment).
 */
export function hilinkAddressProblem(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'Not a URL';
  }
  if (url.protocol !== 'http:') return 'A HiLink stick is reached over http://';
  if (url.username !== '' || url.password !== '' || address.includes('@')) {
    return 'No user name or password in the address';
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(address)) {
    return 'Only the address, e.g. http://192.168.8.1, without a path';
  }
  const host = url.hostname;
  const literal = host.startsWith('[') || ipv4.test(host);
  if (!literal && !hostName.test(host)) return 'The host is an IP address or a host name';
  return null;
}

/** The HiLink stick a modem's port names (`http://host[:port]`), or null for a serial port. */
export function hilinkAddressOf(path: string): string | null {
  if (!urlLike.test(path) || hilinkAddressProblem(path) !== null) return null;
  return new URL(path).origin;
}

/**
 * A serial port (/dev/ttyUSB0, /dev/serial/by-id/..., COM3), or a HiLink stick's address
 * (http://192.168.8.1), kept as its origin. No control characters.
 */
const portPathSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/, { error: 'A port path such as /dev/ttyUSB0 or COM3' })
  .superRefine((path, context) => {
    if (!urlLike.test(path)) return;
    const problem = hilinkAddressProblem(path);
    if (problem !== null) {
      context.addIssue({
        code: 'custom',
        message: problem,
        params: { reason: 'invalid_hilink_address' },
      });
    }
  })
  .transform((path) => hilinkAddressOf(path) ?? path);

/**
 * The dealer SIM's PIN for the carrier's top-up menu. It goes into a USSD string, so digits
 * only (DESIGN.md: arguments reaching an AT command keep to a strict alphabet).
 */
export const dealerPinSchema = z
  .string()
  .regex(/^[0-9]{4,12}$/, { error: 'A dealer PIN is 4 to 12 digits' });

/** A SIM's ICCID as the bank reads it: 18 to 22 digits (a trailing F of the SIM's record dropped). */
export const iccidSchema = z
  .string()
  .regex(/^[0-9]{18,22}$/, { error: 'An ICCID is 18 to 22 digits' });

/** A modem's IMEI: 14 to 17 digits (IMEISV included). */
export const imeiSchema = z
  .string()
  .regex(/^[0-9]{14,17}$/, { error: 'An IMEI is 14 to 17 digits' });

export const baudRates = [9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600] as const;

/** A real modem of the bank as the manager configures it (its dealer PIN is kept apart). */
export const modemSettingsSchema = z
  .object({
    id: modemIdSchema,
    carrierId: z.string().min(1).max(40),
    path: portPathSchema,
    baudRate: z
      .union(baudRates.map((rate) => z.literal(rate)))
      .nullable()
      .default(null),
    /** RTS/CTS: some boards need it, forcing it breaks others (field notes, 8). */
    hardwareFlowControl: z.boolean().default(false),
    /**
     * The dealer SIM the modem is (null: learnt when it first opens). Found on another port
     * after a replug, it is the same modem; another SIM on its port is not used until confirmed.
     */
    iccid: iccidSchema.nullable().default(null),
    /** The stick the SIM sat in when last seen (learnt, kept up to date by the bank). */
    imei: imeiSchema.nullable().default(null),
  })
  .strict();

export type ModemSettings = z.output<typeof modemSettingsSchema>;

// Printable characters only: no NUL (a program's arguments cannot carry it), no line breaks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
const printable = /^[^\x00-\x1f\x7f]+$/;

/**
 * A modem's power-cycle command (the healing ladder's last step), e.g. `uhubctl -l 1-1 -p 3 -a
 * cycle` for the hub port its stick sits on: a program and its arguments, run without a shell,
 * so nothing in them is interpreted.
 */
export const powerCycleCommandSchema = z
  .object({
    /** An absolute path, or a bare name looked up in PATH (no shell does the lookup). */
    program: z
      .string()
      .min(1)
      .max(300)
      .regex(printable, 'must be printable characters')
      .refine(
        (program) =>
          program.startsWith('/') || /^[A-Za-z]:\\/.test(program) || /^[\w.-]+$/.test(program),
        'must be an absolute path or a program name without a folder',
      ),
    args: z.array(z.string().max(300).regex(printable, 'must be printable characters')).max(20),
  })
  .strict();

export type PowerCycleCommand = z.output<typeof powerCycleCommandSchema>;
