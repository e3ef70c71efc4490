import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../app/DateInput';
import { ProblemLine } from '../components/FormStatus';
import { DownloadLinks, type MadeFile } from '../day/DownloadLinks';
import { describeError } from '../errors';
import { todayIn } from '../format';
import { useApi } from '../use-api';
import { ChainChart } from './ChainChart';
import { ChainTotalsTable } from './ChainTotalsTable';
import { hq } from './hq-api';
import { MonthOptions } from './MonthOptions';
import { dayOfMonthText, daysOf, dayText, monthText } from './periods';

/** The head office's own calendar for "today": the browser's zone (each shop's rows are already by its own day). */
const headOfficeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A UTF-8 text as a file to save (DownloadLinks takes base64). */
function csvFile(name: string, csv: string): MadeFile {
  const bytes = new TextEncoder().encode(csv);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { name, mediaType: 'text/csv;charset=utf-8', base64: btoa(binary) };
}

/**
 * The chain's books over a day or a month: its totals, then by shop, plan, carrier and clerk, a
 * chart of the takings (a month day by day, a day shop by shop), and the CSV of it all.
 */
export function ChainReportPage() {
  const { t, i18n } = useTranslation();
  const today = todayIn(headOfficeZone);
  const [kind, setKind] = useState<'day' | 'month'>('month');
  const [day, setDay] = useState(today);
  const [month, setMonth] = useState(today.slice(0, 7));
  const period = kind === 'day' ? day : month;
  const report = useApi(
    period === ''
      ? null
      : () =>
          kind === 'day'
            ? hq.call('reports.getDay', { day: period })
            : hq.call('reports.getMonth', { month: period }),
    [kind, period],
  );
  const [exported, setExported] = useState<MadeFile[]>([]);
  const [exportProblem, setExportProblem] = useState<string | null>(null);

  async function exportCsv() {
    setExportProblem(null);
    setExported([]);
    try {
      const file = await hq.call('reports.export', { period });
      setExported([csvFile(file.fileName, file.csv)]);
    } catch (error) {
      setExportProblem(describeError(t, error));
    }
  }

  const value = report.value;
  const title =
    kind === 'day'
      ? t('headOffice.report.dayTitle', { day: dayText(day, i18n.language) })
      : t('headOffice.report.monthTitle', { month: monthText(month, i18n.language) });
  return (
    <section className="hq-report">
      <h1>{t('headOffice.report.title')}</h1>
      <p>{t('headOffice.report.intro')}</p>
      <div className="hq-report__choice">
        <fieldset className="field">
          <legend>{t('headOffice.report.kind')}</legend>
          {(['month', 'day'] as const).map((choice) => (
            <label key={choice} className="hq-report__kind">
              <input
                type="radio"
                name="hq-report-kind"
                value={choice}
                checked={kind === choice}
                onChange={() => {
                  setKind(choice);
                  setExported([]);
                }}
              />
              {t(`headOffice.report.kinds.${choice}`)}
            </label>
          ))}
        </fieldset>
        {kind === 'day' ? (
          <DateInput
            id="hq-report-day"
            label={t('headOffice.report.day')}
            value={day}
            onChange={(next) => {
              setDay(next);
              setExported([]);
            }}
          />
        ) : (
          <div className="field">
            <label htmlFor="hq-report-month">{t('headOffice.report.month')}</label>
            <select
              id="hq-report-month"
              value={month}
              onChange={(event) => {
                setMonth(event.target.value);
                setExported([]);
              }}
            >
              <MonthOptions today={today} />
            </select>
          </div>
        )}
      </div>
      {report.error !== null && <ProblemLine>{describeError(t, report.error)}</ProblemLine>}
      {value && (
        <>
          <h2>{title}</h2>
          {value.totals.length === 0 ? (
            <p>{t('headOffice.report.empty')}</p>
          ) : (
            <>
              <ChainTotalsTable
                caption={t('headOffice.report.totals')}
                head={t('headOffice.report.currency')}
                lines={value.totals.map((totals) => ({
                  key: totals.amount.currency,
                  label: totals.amount.currency,
                  totals,
                }))}
              />
              <div className="day-charts">
                {value.totals.map(({ amount: { currency } }) =>
                  kind === 'month' ? (
                    <ChainChart
                      key={currency}
                      caption={t('headOffice.report.chartByDay', { currency })}
                      currency={currency}
                      bars={daysOf(month).map((date) => ({
                        name: dayOfMonthText(date, i18n.language),
                        amount:
                          value.byDay.find(
                            (line) => line.key === date && line.totals.amount.currency === currency,
                          )?.totals.amount.amount ?? 0,
                      }))}
                    />
                  ) : (
                    <ChainChart
                      key={currency}
                      caption={t('headOffice.report.chartByShop', { currency })}
                      currency={currency}
                      bars={value.byShop
                        .filter((line) => line.totals.amount.currency === currency)
                        .map((line) => ({ name: line.label, amount: line.totals.amount.amount }))}
                    />
                  ),
                )}
              </div>
              <ChainTotalsTable
                caption={t('headOffice.report.byShop')}
                head={t('headOffice.report.shop')}
                lines={value.byShop}
              />
              <ChainTotalsTable
                caption={t('headOffice.report.byPlan')}
                head={t('headOffice.report.plan')}
                lines={value.byPlan}
              />
              <ChainTotalsTable
                caption={t('headOffice.report.byCarrier')}
                head={t('headOffice.report.carrier')}
                lines={value.byCarrier}
              />
              <ChainTotalsTable
                caption={t('headOffice.report.byClerk')}
                head={t('headOffice.report.clerk')}
                lines={value.byClerk}
              />
              <div className="settings__actions">
                <button type="button" onClick={() => void exportCsv()}>
                  {t('headOffice.report.export')}
                </button>
                {exportProblem && <ProblemLine>{exportProblem}</ProblemLine>}
              </div>
              {exported.length > 0 && (
                <DownloadLinks files={exported} label={t('headOffice.report.exported')} />
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
