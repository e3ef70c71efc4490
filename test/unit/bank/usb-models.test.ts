import { describe, expect, it } from 'vitest';
import { interfaceFromPnpId } from '../../../electron/bank/ports';
import {
  portRole,
  shippedUsbModels,
  type UsbPortFacts,
  usbModelTableSchema,
} from '../../../electron/bank/usb-models';

const table = shippedUsbModels();

const port = (id: string, usbInterface: number | null, interfaceClass: string | null = null) => {
  const [vendorId = '', productId = ''] = id.split(':');
  return { vendorId, productId, interface: usbInterface, interfaceClass } satisfies UsbPortFacts;
};

describe('the model table: which USB interface of a known modem is its AT port', () => {
  it.each([
    // What ModemManager's udev rules tag ID_MM_PORT_TYPE_AT_PRIMARY, and the ports around it.
    ['Quectel EC25, its AT port', port('2c7c:0125', 2), 'at'],
    ['Quectel EC25, diagnostics', port('2c7c:0125', 0), 'other'],
    ['Quectel EC25, GPS', port('2c7c:0125', 1), 'other'],
    ['Quectel EC25, the secondary AT port', port('2c7c:0125', 3), 'other'],
    ['Quectel EC25 written in capitals by the system', port('2C7C:0125', 2), 'at'],
    ['Quectel EC21', port('2c7c:0121', 2), 'at'],
    ['Quectel BG96', port('2c7c:0296', 2), 'at'],
    ['Quectel EG25 (same ids as the EC25), GPS', port('2c7c:0125', 1), 'other'],
    ['SIMCom SIM7600, its AT port', port('1e0e:9001', 2), 'at'],
    ['SIMCom SIM7600, audio', port('1e0e:9001', 4), 'other'],
    ['SIMCom SIM7600, an interface the table does not name', port('1e0e:9001', 5), 'unknown'],
    ['Sierra MC7455, its AT port', port('1199:9071', 3), 'at'],
    ['Sierra MC7455, NMEA', port('1199:9071', 2), 'other'],
    // Huawei's ports are told by their interface class/subclass/protocol, not their number.
    ['Huawei, PC UI port ff/02/02', port('12d1:1506', 2, 'ff/02/02'), 'at'],
    ['Huawei, PC UI port ff/01/02', port('12d1:1001', 4, 'FF/01/02'), 'at'],
    ['Huawei, PPP modem port ff/02/01', port('12d1:1506', 0, 'ff/02/01'), 'other'],
    ['Huawei, a vendor-specific ff/ff/ff port', port('12d1:1436', 0, 'ff/ff/ff'), 'unknown'],
    ['Huawei, class not told by the system', port('12d1:1506', 0), 'unknown'],
    ['a model nobody knows', port('0403:6001', 0), 'unknown'],
    ['a port with no interface number (macOS)', port('2c7c:0125', null), 'unknown'],
  ] as const)('%s → %s', (_, facts, role) => {
    expect(portRole(facts, table)).toBe(role);
  });

  it('finds a model by its exact ids before its vendor', () => {
    const both = usbModelTableSchema.parse({
      source: 'test',
      models: [
        { name: 'Huawei by vendor', vendor: '12d1', ports: [{ interface: 0, role: 'at' }] },
        { name: 'Huawei E3372s', usb: ['12d1:1506'], ports: [{ interface: 2, role: 'at' }] },
      ],
    });
    expect(portRole(port('12d1:1506', 2), both)).toBe('at');
    expect(portRole(port('12d1:1506', 0), both)).toBe('unknown');
    expect(portRole(port('12d1:1001', 0), both)).toBe('at');
  });

  it.each([
    ['a model with neither ids nor vendor', { name: 'x', ports: [{ interface: 2, role: 'at' }] }],
    [
      'a model with both',
      { name: 'x', usb: ['2c7c:0125'], vendor: '2c7c', ports: [{ interface: 2, role: 'at' }] },
    ],
    [
      'a model with no AT port',
      { name: 'x', usb: ['2c7c:0125'], ports: [{ interface: 0, role: 'other' }] },
    ],
    [
      'a USB id that is not one',
      { name: 'x', usb: ['2c7c-0125'], ports: [{ interface: 2, role: 'at' }] },
    ],
    [
      'a class that is not a triple',
      { name: 'x', vendor: '12d1', ports: [{ class: 'ff/02', role: 'at' }] },
    ],
    [
      'a role the table does not know',
      { name: 'x', vendor: '12d1', ports: [{ interface: 1, role: 'data' }] },
    ],
  ])('refuses %s', (_, model) => {
    expect(usbModelTableSchema.safeParse({ source: 'test', models: [model] }).success).toBe(false);
  });
});

describe('the interface number Windows writes into a port’s PnP id', () => {
  it.each([
    ['USB\\VID_2C7C&PID_0125&MI_02\\6&1A2B3C4D&0&0002', 2],
    ['USB\\VID_1199&PID_9071&MI_0A\\7&2B&0&000A', 10],
    ['USB\\VID_0403&PID_6001\\A50285BI', undefined],
    [undefined, undefined],
  ])('%s → %s', (pnpId, usbInterface) => {
    expect(interfaceFromPnpId(pnpId)).toBe(usbInterface);
  });
});
