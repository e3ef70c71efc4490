import { useTranslation } from 'react-i18next';
import { isLanguage, languages } from '../../shared/languages';
import { chooseLanguage } from '../i18n';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-picker">
      <label htmlFor="language-picker">{t('language.label')}</label>
      <select
        id="language-picker"
        value={i18n.language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void chooseLanguage(event.target.value);
        }}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
