import type { ReactNode } from 'react';

/** One line saying why something was refused or failed, announced to screen readers. */
export function ProblemLine({ children }: { children: ReactNode }) {
  return (
    <p className="status status--error" role="alert">
      {children}
    </p>
  );
}

/** What a form says next to its button after a save: quietly when done, announced when not. */
export type FormMessage = { tone: 'ok' | 'info' | 'error'; lines: readonly string[] } | null;

export function FormStatus({ message }: { message: FormMessage }) {
  if (!message) return null;
  if (message.tone === 'error') {
    return (
      <div className="status status--error" role="alert">
        {message.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    );
  }
  return (
    <output className={message.tone === 'ok' ? 'status status--ok' : 'status'}>
      {message.lines.join(' ')}
    </output>
  );
}
