import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { bindConnectionEvents } from '../features/connection/realtime';
import { bindRecordingEvents } from '../features/recording/realtime';
import { bindRecordingsEvents } from '../features/recordings/realtime';
import { bindRigsEvents } from '../features/rigs/realtime';
import { bindUploadEvents } from '../features/uploads/realtime';
import { useAccess } from '../hooks/useAccess';
import { useAppStore } from '../hooks/useAppState';
import { getSocket } from '../lib/socket';

/** Each feature binds the room's events to its own cache entries and notifications. */
const BINDINGS = [bindConnectionEvents, bindRecordingEvents, bindRecordingsEvents, bindRigsEvents, bindUploadEvents];

/** The room, bound to the query cache (the same entries the REST calls fill). Mounted once, by the Dashboard. */
export function useRealtimeSync(): void {
  const store = useAppStore();
  const queryClient = useQueryClient();
  const { ready } = useAccess();

  useEffect(() => {
    const socket = getSocket();
    const unbind = BINDINGS.map((bind) => bind(socket, queryClient, store));
    return () => {
      unbind.forEach((off) => off());
      if (socket.connected) socket.emit('leave_recording_updates');
      socket.disconnect();
    };
  }, [queryClient, store]);

  // Connect once we know the token it needs (if any) is there, so the first attempt is not refused.
  useEffect(() => {
    if (ready) getSocket().connect();
  }, [ready]);
}
