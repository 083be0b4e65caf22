import { Segmented } from 'antd';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/messages';

/** 中文 / English, each written in its own language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t.languageSwitch}
      value={lang}
      onChange={setLang}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
