import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// The <style> elements of receipts.get's HTML (renderReceiptHtml writes one, in the head).
const styleElement = /<style>([\s\S]*?)<\/style>/g;

/**
 * The receipt's HTML split into its markup and its stylesheet. The page's Content-Security-Policy
 * (inherited by a srcdoc frame) refuses inline <style>, so the stylesheet is applied through the
 * CSSOM instead, which the policy does not govern.
 */
function splitReceipt(html: string): { markup: string; css: string } {
  const css = [...html.matchAll(styleElement)].map((match) => match[1]).join('\n');
  return { markup: html.replace(styleElement, ''), css };
}

/**
 * A receipt as issued (receipts.get's HTML), shown in a sandboxed frame: no script can run in it
 * (no allow-scripts), and same-origin only so that this page can style it and fit the frame to
 * the receipt.
 */
export function ReceiptView({ number, html }: { number: number; html: string }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const receipt = useMemo(() => splitReceipt(html), [html]);

  function fit() {
    const element = frame.current;
    const view = element?.contentWindow;
    const document = element?.contentDocument;
    if (!element || !view || !document) return;
    // The frame's own constructor: a sheet is adopted only by the document it was made for.
    const sheet = new (view as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(receipt.css);
    document.adoptedStyleSheets = [sheet];
    element.style.height = `${document.documentElement.scrollHeight}px`;
  }

  return (
    <iframe
      ref={frame}
      className="receipt-view"
      title={t('receipt.documentTitle', { number })}
      sandbox="allow-same-origin"
      srcDoc={receipt.markup}
      onLoad={fit}
    />
  );
}
