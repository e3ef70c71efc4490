import type { Page } from '@playwright/test';

/**
 * Types an ISO day ("2026-12-11") into a day field (renderer/app/DateInput.tsx) found by its
 * legend, part by part as a clerk would, whatever order the language puts them in.
 */
export async function typeDay(page: Page, legend: string, iso: string) {
  const [year = '', month = '', day = ''] = iso.split('-');
  const field = page.getByRole('group', { name: legend, exact: true });
  await field.locator('input[id$="-day"]').fill(String(Number(day)));
  await field.locator('select[id$="-month"]').selectOption(String(Number(month)));
  await field.locator('input[id$="-year"]').fill(year);
}

/** The day `days` from now on the demo shop's calendar (Nouméa), as an ISO day: "2026-12-11". */
export function noumeaDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Pacific/Noumea',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}
