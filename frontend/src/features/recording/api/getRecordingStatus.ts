import { useQuery } from '@tanstack/react-query';
import { useAccess } from '../../../hooks/useAccess';
import { useAppState } from '../../../hooks/useAppState';
import { client, send } from '../../../lib/apiClient';
import { queryKeys } from '../../../lib/queryKeys';

export const getRecordingStatus = () => send((init) => client.GET('/api/integrated/recording/status', init));

export function useRecordingStatus() {
  const { ready } = useAccess();
  const socketUp = useAppState((s) => s.socket === 'connected');
  return useQuery({
    queryKey: queryKeys.recordingStatus,
    enabled: ready,
    queryFn: getRecordingStatus,
    // recording_status_update pushes this every second; poll only while the socket is down.
    refetchInterval: socketUp ? false : 3_000,
  });
}
