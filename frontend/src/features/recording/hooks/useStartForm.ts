import { useCallback, useMemo, useState } from 'react';
import { parsePriority } from '../../../lib/priority';
import type { RigStartRecordingBody, SubtitleModel } from '../../../types';

/**
 * The start form's fields (« Nom de session », model, priority, upload): held by the page when
 * another part starts with them too (the rig grid's « Tout enregistrer »), else by the card itself.
 */
export interface StartForm {
  sessionName: string;
  setSessionName: (value: string) => void;
  autoUpload: boolean;
  setAutoUpload: (value: boolean) => void;
  model: SubtitleModel;
  setModel: (value: SubtitleModel) => void;
  priorityRaw: string;
  setPriorityRaw: (value: string) => void;
  /** null while the priority field holds no valid priority. */
  priority: number | null;
  /** The body of a start with these options; null while the priority is invalid. */
  options: RigStartRecordingBody | null;
  /** After a start: the next session gets a name of its own. */
  clearName: () => void;
}

export function useStartForm(): StartForm {
  const [sessionName, setSessionName] = useState('');
  const [autoUpload, setAutoUpload] = useState(true);
  const [model, setModel] = useState<SubtitleModel>('base');
  const [priorityRaw, setPriorityRaw] = useState('1');
  const priority = parsePriority(priorityRaw);
  const name = sessionName.trim();
  const options = useMemo<RigStartRecordingBody | null>(
    () =>
      priority === null ? null : { ...(name ? { sessionName: name } : {}), autoUpload, subtitleModel: model, priority },
    [name, autoUpload, model, priority],
  );
  const clearName = useCallback(() => setSessionName(''), []);
  return {
    sessionName,
    setSessionName,
    autoUpload,
    setAutoUpload,
    model,
    setModel,
    priorityRaw,
    setPriorityRaw,
    priority,
    options,
    clearName,
  };
}
