import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../lib/queryKeys';
import { useAppState } from './useAppState';
import { useAuthReady } from './useAuthReady';
import { useServices } from './useServices';

export function useRecordingStatus() {
  const { service } = useServices();
  const enabled = useAuthReady();
  const socketUp = useAppState((s) => s.socket === 'connected');
  return useQuery({
    queryKey: queryKeys.recordingStatus,
    enabled,
    queryFn: () => service.getRecordingStatus(),
    // recording_status_update pushes this every second; poll only while the socket is down.
    refetchInterval: socketUp ? false : 3_000,
  });
}
