import type { ReactNode } from 'react';

// 'live' (red) is reserved for a recording in progress; work in progress elsewhere is 'active'.
export type Tone = 'ok' | 'live' | 'active' | 'warn' | 'bad' | 'info' | 'muted';

interface StatusPillProps {
  tone: Tone;
  children: ReactNode;
  /** Pulsing dot for states that are happening right now (recording, reconnecting). */
  pulse?: boolean;
  testId?: string;
  title?: string;
}

export function StatusPill({ tone, children, pulse, testId, title }: StatusPillProps) {
  return (
    <span className={`pill pill--${tone}`} data-testid={testId} data-tone={tone} title={title}>
      <span className={pulse ? 'pill__dot pill__dot--pulse' : 'pill__dot'} aria-hidden="true" />
      {children}
    </span>
  );
}

const STATE_TONES: Record<string, Tone> = {
  queued: 'info',
  uploading: 'active',
  retrying: 'warn',
  uploaded: 'ok',
  processing: 'active',
  completed: 'ok',
  failed: 'bad',
  cancelled: 'muted',
};

export const toneForState = (state: string | null | undefined): Tone =>
  state ? (STATE_TONES[state] ?? 'info') : 'muted';

/** Task statuses of the processing API (uploaded|processing|completed|completed_simple|error). */
export function toneForProcessing(status: string | null | undefined): Tone {
  if (!status) return 'muted';
  if (status === 'error' || status === 'failed') return 'bad';
  if (status.startsWith('completed')) return 'ok';
  return status === 'processing' ? 'active' : 'info';
}
