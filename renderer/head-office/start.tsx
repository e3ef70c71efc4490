import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chosenLanguage, startI18n } from '../i18n';
import { HeadOfficeApp } from './HeadOfficeApp';
import { hq } from './hq-api';

/** Whether this page is the head office's: `hq serve` marks it (shared/head-office.ts, headOfficeRoleMeta). */
export function isHeadOfficePage(): boolean {
  return (
    document.querySelector('meta[name="comptoir-role"]')?.getAttribute('content') === 'head-office'
  );
}

/** Starts the head office's screens, in the language this browser chose before (else English). */
export async function startHeadOffice(root: HTMLElement): Promise<void> {
  const [about] = await Promise.all([
    hq.call('staff.getAbout', {}),
    startI18n(chosenLanguage() ?? 'en'),
  ]);
  createRoot(root).render(
    <StrictMode>
      <HeadOfficeApp hasStaff={about.hasStaff} />
    </StrictMode>,
  );
}
