import { useEffect } from 'react';
import { CommandPalette } from './components/command-palette';
import { ShortcutsHelp } from './components/shortcuts-help';
import { Sidebar } from './components/sidebar';
import { TopBar } from './components/top-bar';
import { UpdateBanner } from './components/update-banner';
import { useShortcutKeys } from './lib/use-shortcut-keys';
import { useThemeAttribute } from './lib/use-theme-attribute';
import { areaById } from './routing/areas';
import { useArea } from './routing/use-area';
import { useAutomationNotifications } from './screens/approvals/use-automation-notifications';
import { AreaScreen } from './screens/area-screen';
import { SignInScreen } from './screens/sign-in-screen';
import { useSession } from './stores/session-store';
import { followSettings } from './stores/settings-store';
import { useSystemInfo } from './stores/system-store';

/** The dashboard: top bar, sidebar and the current area, or the sign-in page when there is no session. */
export function App() {
  const signedOut = useSession((s) => s.signedOut);
  const area = useArea();
  useThemeAttribute();
  useShortcutKeys();
  useAutomationNotifications();

  useEffect(() => {
    useSystemInfo.getState().reload();
    return followSettings();
  }, []);

  useEffect(() => {
    document.title = `${areaById(area).label} · Outpost`;
  }, [area]);

  if (signedOut) return <SignInScreen />;
  return (
    <div className="shell">
      <TopBar />
      <Sidebar current={area} />
      <main className="content">
        <UpdateBanner />
        <AreaScreen area={area} />
      </main>
      <CommandPalette />
      <ShortcutsHelp />
    </div>
  );
}
