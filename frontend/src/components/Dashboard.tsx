import { useConnectivity } from '../hooks/useConnectivity';
import { useRealtimeSync } from '../hooks/useRealtimeSync';
import { useI18n } from '../i18n/useI18n';
import { ConnectionBanner } from './ConnectionBanner';
import { ObsPill, SocketPill } from './ConnectionPills';
import { EventLog } from './EventLog';
import { IntegratedRecording } from './IntegratedRecording';
import { LanguageSwitch } from './LanguageSwitch';
import { RecordingsList } from './RecordingsList';
import { TokenPrompt } from './TokenPrompt';
import { UploadQueue } from './UploadQueue';

/** The StreamAI page: connection state on top, recording + notifications, then recordings + queue. */
export function Dashboard() {
  useRealtimeSync();
  const { t } = useI18n();
  const { serverDown, obs } = useConnectivity();

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand__mark" aria-hidden="true" />
          <div>
            <h1>{t.app.title}</h1>
            <p className="brand__tagline">{t.app.tagline}</p>
          </div>
        </div>
        <div className="topbar__status">
          <ObsPill obs={obs} />
          <SocketPill />
          <LanguageSwitch />
        </div>
      </header>

      <ConnectionBanner visible={serverDown} />

      <main className="layout">
        <IntegratedRecording />
        <EventLog />
        <RecordingsList />
        <UploadQueue />
      </main>

      <TokenPrompt />
    </div>
  );
}
