interface ProgressBarProps {
  /** 0..100, or null when not known yet (indeterminate). */
  value: number | null;
  label: string;
  tone?: 'accent' | 'ok' | 'bad' | 'warn';
  /** Decorative bars (lists) stay out of the accessibility tree; one real progressbar per upload. */
  decorative?: boolean;
}

export function ProgressBar({ value, label, tone = 'accent', decorative }: ProgressBarProps) {
  const width = `${value ?? 0}%`;
  const a11y = decorative
    ? { 'aria-hidden': true as const }
    : {
        role: 'progressbar',
        'aria-label': label,
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': value ?? undefined,
        'aria-valuetext': value === null ? undefined : `${value} %`,
      };
  return (
    <div className={`progress progress--${tone}${value === null ? ' progress--indeterminate' : ''}`} {...a11y}>
      <div className="progress__fill" style={{ width }} />
    </div>
  );
}
