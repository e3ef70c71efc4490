import { useTranslation } from 'react-i18next';
import { isLanguage, languages } from '../../shared/languages';
import { chooseLanguage } from '../i18n';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-picker">
      {t('language.label')}
      <select
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
    </label>
  );
}
