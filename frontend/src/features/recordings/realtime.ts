import type { QueryClient } from '@tanstack/react-query';
import { pushEvent, type AppStore } from '../../lib/appState';
import { queryKeys } from '../../lib/queryKeys';
import { listenTo, type AppSocket } from '../../lib/socket';

/** Finished sessions that change: a thumbnail made, processing results fetched. */
export function bindRecordingsEvents(socket: AppSocket, queryClient: QueryClient, store: AppStore): () => void {
  const { on, off } = listenTo(socket);
  const refreshRecordings = () => void queryClient.invalidateQueries({ queryKey: queryKeys.recordings });

  on('session_updated', () => refreshRecordings());

  on('processing_results_ready', (e) => {
    refreshRecordings();
    // The job carries its results too (the queue and the latest upload read jobs).
    void queryClient.invalidateQueries({ queryKey: queryKeys.uploads });
    pushEvent(store, 'success', (t) =>
      t.events.resultsReady(e.session_name, e.results.map((r) => t.events.resultKinds[r.kind] ?? r.kind).join(', ')),
    );
  });

  return off;
}
