import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A file the core made for the user to keep (an export), as the API sends it. */
export interface MadeFile {
  name: string;
  mediaType: string;
  base64: string;
}

function blobOf(file: MadeFile): Blob {
  const text = atob(file.base64);
  const bytes = Uint8Array.from(text, (character) => character.charCodeAt(0));
  return new Blob([bytes], { type: file.mediaType });
}

/**
 * Files offered as downloads, one link each: the browser saves them where its user says (the
 * browser host and the desktop app alike); nothing is written on the host's disk for it.
 */
export function DownloadLinks({ files, label }: { files: readonly MadeFile[]; label: string }) {
  const { t } = useTranslation();
  const [links, setLinks] = useState<{ name: string; url: string }[]>([]);
  useEffect(() => {
    const made = files.map((file) => ({ name: file.name, url: URL.createObjectURL(blobOf(file)) }));
    setLinks(made);
    return () => {
      for (const link of made) URL.revokeObjectURL(link.url);
    };
  }, [files]);
  return (
    <ul className="downloads" aria-label={label}>
      {links.map((link) => (
        <li key={link.name}>
          <a href={link.url} download={link.name}>
            {t('day.export.save', { name: link.name })}
          </a>
        </li>
      ))}
    </ul>
  );
}
