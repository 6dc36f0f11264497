import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANG_STORAGE_KEY } from '../config/constants';
import { en } from './en';
import { fr } from './fr';
import { DEFAULT_LANG, LANGS, type Lang, type Messages } from './messages';

const DICTIONARIES: Record<Lang, Messages> = { fr, en };

export interface I18nValue {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18nValue | null>(null);

function initialLang(): Lang {
  try {
    const saved = window.localStorage.getItem(LANG_STORAGE_KEY);
    if (saved && (LANGS as readonly string[]).includes(saved)) return saved as Lang;
  } catch {
    /* storage unavailable: keep the default */
  }
  return DEFAULT_LANG;
}

export function I18nProvider({ children, lang: forcedLang }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => forcedLang ?? initialLang());

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      /* not remembered, still switched */
    }
  }, []);

  // Screen readers and hyphenation follow <html lang>.
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo(() => ({ lang, t: DICTIONARIES[lang], setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
