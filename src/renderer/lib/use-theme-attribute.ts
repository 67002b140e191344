import { useEffect } from 'react';
import { useSettings } from '../stores/settings-store';

/** Mirrors the theme setting onto `<html data-theme>`, which the stylesheets read ('system' follows the OS). */
export function useThemeAttribute(): void {
  const theme = useSettings((s) => s.data?.theme ?? 'system');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
