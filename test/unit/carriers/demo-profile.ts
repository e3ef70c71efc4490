/** The shipped demo profile, read and validated the way the app reads it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCarrierProfileText } from '../../../electron/carriers';
import type { CarrierProfile, CarrierProfileInput } from '../../../shared/carrier';

export const SHIPPED_CARRIERS = path.resolve(__dirname, '../../../resources/carriers');
export const DEMO_FILE = path.join(SHIPPED_CARRIERS, 'nc-demo.json');

/** The demo profile as written in its file (a fresh copy each time, to change in a test). */
export function demoProfileInput(): CarrierProfileInput {
  return JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as CarrierProfileInput;
}

export function demoProfile(): CarrierProfile {
  const parsed = parseCarrierProfileText(readFileSync(DEMO_FILE, 'utf8'), DEMO_FILE);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.profile;
}
