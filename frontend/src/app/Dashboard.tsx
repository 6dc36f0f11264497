import { EventLog } from '../components/EventLog';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useRecordingStatus } from '../features/recording/api/getRecordingStatus';
import { IntegratedRecording } from '../features/recording/components/IntegratedRecording';
import { useStartForm } from '../features/recording/hooks/useStartForm';
import { RecordingsList } from '../features/recordings/components/RecordingsList';
import { useRigs } from '../features/rigs/api/getRigs';
import { RigGrid } from '../features/rigs/components/RigGrid';
import { useUploads } from '../features/uploads/api/getUploads';
import { LatestUpload } from '../features/uploads/components/LatestUpload';
import { UploadQueue } from '../features/uploads/components/UploadQueue';
import { ChangeTokenButton } from '../features/connection/components/ChangeTokenButton';
import { ConnectionBanner, StorageBanner } from '../features/connection/components/ConnectionBanner';
import { ObsPill, SocketPill, StoragePill } from '../features/connection/components/ConnectionPills';
import { ObsSetupGuide } from '../features/connection/components/ObsSetupGuide';
import { TokenPrompt } from '../features/connection/components/TokenPrompt';
import { useAccess } from '../hooks/useAccess';
import { useI18n } from '../i18n/useI18n';
import { isMultiRig } from '../lib/rigs';
import { useRealtimeSync } from './useRealtimeSync';

/**
 * The StreamAI page: connection state on top, recording + notifications, the rig grid when the
 * server drives several OBS, then recordings + queue. Features do not know each other: what one
 * shows of another (the latest upload in the recording card, each recording's upload state, the
 * start form's options that « Tout enregistrer » uses) is handed over here.
 */
export function Dashboard() {
  useRealtimeSync();
  const { t } = useI18n();
  const { serverDown, obs, storage, authRequired } = useAccess();
  const status = useRecordingStatus();
  const uploads = useUploads();
  const rigs = useRigs();
  const startForm = useStartForm();
  const multiRig = isMultiRig(rigs.data);
  const recordingNow = status.data?.active ? status.data.session_name : null;

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
          <StoragePill storage={storage} />
          {authRequired && <ChangeTokenButton />}
          <LanguageSwitch />
        </div>
      </header>

      <ConnectionBanner visible={serverDown} />
      <StorageBanner storage={storage} />
      <ObsSetupGuide />

      <main className={multiRig ? 'layout layout--rigs' : 'layout'}>
        <IntegratedRecording form={startForm} latestUpload={<LatestUpload />} />
        <EventLog />
        {multiRig && rigs.data && (
          <RigGrid page={rigs.data} startOptions={startForm.options} onStarted={startForm.clearName} />
        )}
        <RecordingsList jobs={uploads.data} recordingNow={recordingNow} />
        <UploadQueue />
      </main>

      <TokenPrompt />
    </div>
  );
}
