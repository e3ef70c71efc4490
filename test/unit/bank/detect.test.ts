import { describe, expect, it } from 'vitest';
import { type DetectDeps, type DetectedDevice, detectModems } from '../../../electron/bank/detect';
import { shippedUsbModels } from '../../../electron/bank/usb-models';

const ec25 = (name: string, usbInterface: number) => ({
  path: `/dev/${name}`,
  byId: null,
  device: `/dev/${name}`,
  usb: { vendorId: '2c7c', productId: '0125', interface: usbInterface, driver: 'option' },
  usbClass: null,
});

const stick: DetectedDevice = {
  path: 'http://127.0.0.1:8080',
  byId: null,
  usb: { vendorId: '12d1', productId: '14dc', interface: null, driver: 'cdc_ether' },
  role: 'other',
  modem: null,
  link: 'hilink',
  configuredAs: null,
};

/** Detection on a machine described in the test; each port says what it was asked. */
function machine(overrides: Partial<DetectDeps> = {}) {
  const asked: string[] = [];
  const deps: DetectDeps = {
    table: shippedUsbModels(),
    listPorts: async () => [ec25('ttyUSB0', 0), ec25('ttyUSB2', 2)],
    configured: async () => [],
    answersAt: async (port) => {
      asked.push(`AT ${port.path}`);
      return false;
    },
    identify: async (port) => {
      asked.push(`identify ${port.path}`);
      return null;
    },
    guessCarrier: () => null,
    ...overrides,
  };
  return { deps, asked };
}

describe('what detection does with each port', () => {
  it('identifies only the known AT port, and keeps it as the AT port when its modem does not open', async () => {
    const { deps, asked } = machine();
    const { devices } = await detectModems(deps);
    expect(asked).toEqual(['identify /dev/ttyUSB2']);
    expect(devices.map(({ path, role, modem }) => ({ path, role, modem }))).toEqual([
      { path: '/dev/ttyUSB0', role: 'other', modem: null },
      { path: '/dev/ttyUSB2', role: 'at', modem: null },
    ]);
  });

  it('lists the HiLink sticks their own module finds after the serial ports', async () => {
    const { deps } = machine({ hilinkSticks: async () => [stick] });
    const { devices } = await detectModems(deps);
    expect(devices.map((device) => device.link)).toEqual(['serial', 'serial', 'hilink']);
    expect(devices[2]).toEqual(stick);
  });
});
