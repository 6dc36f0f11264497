// The two upload options (subtitle model, priority) asked both at start and for a manual upload.
import type { InputHTMLAttributes, SelectHTMLAttributes } from 'react';
import { MAX_PRIORITY, MIN_PRIORITY, SUBTITLE_MODELS } from '../config/constants';
import type { SubtitleModel } from '../types';

type ModelSelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: SubtitleModel;
  onChange: (model: SubtitleModel) => void;
};

export function ModelSelect({ value, onChange, ...rest }: ModelSelectProps) {
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value as SubtitleModel)}>
      {SUBTITLE_MODELS.map((m) => (
        <option key={m} value={m}>
          {m}
        </option>
      ))}
    </select>
  );
}

type PriorityInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  /** Raw text, so a half-typed value is not forced into range while the user types. */
  value: string;
  onChange: (raw: string) => void;
  invalid: boolean;
};

export function PriorityInput({ value, onChange, invalid, ...rest }: PriorityInputProps) {
  return (
    <input
      {...rest}
      type="number"
      inputMode="numeric"
      min={MIN_PRIORITY}
      max={MAX_PRIORITY}
      step={1}
      value={value}
      aria-invalid={invalid}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
