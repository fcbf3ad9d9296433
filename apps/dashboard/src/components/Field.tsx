import type { InputHTMLAttributes, ReactNode } from 'react';

/** A form control with its visible label: the label text above the control, clicking it focuses the control. */
export function Field({
  label,
  className,
  children,
}: {
  label: ReactNode;
  /** Extra classes beside `field`, e.g. `field--inline`. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={className ? `field ${className}` : 'field'}>
      <span>{label}</span>
      {children}
    </label>
  );
}

/** A labelled input whose `onChange` gets the new text; every other prop goes to the input. */
export function TextField({
  label,
  onChange,
  ...input
}: { label: ReactNode; onChange: (value: string) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'onChange'
>) {
  return (
    <Field label={label}>
      <input {...input} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}

export interface SelectOption<Value extends string = string> {
  value: Value;
  label: string;
}

/** A select's options, one per entry. */
export function SelectOptions({ options }: { options: readonly SelectOption[] }) {
  return (
    <>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </>
  );
}

/** A labelled drop-down: one option per entry of `options`; `onChange` gets the picked option's value. */
export function SelectField<Value extends string>({
  label,
  className,
  value,
  options,
  disabled,
  onChange,
}: {
  label: ReactNode;
  className?: string;
  value: Value | '';
  options: readonly SelectOption<Value | ''>[];
  disabled?: boolean;
  onChange: (value: Value) => void;
}) {
  return (
    <Field label={label} className={className}>
      <select value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as Value)}>
        <SelectOptions options={options} />
      </select>
    </Field>
  );
}

/** A select that adds what is picked (e.g. one more topic to a filter), then shows its prompt again. */
export function AddSelect({
  label,
  prompt,
  options,
  onAdd,
}: {
  label: string;
  /** The empty first option, e.g. "Choose a topic…". */
  prompt: string;
  options: readonly SelectOption[];
  onAdd: (value: string) => void;
}) {
  return (
    <SelectField
      label={label}
      value=""
      options={[{ value: '', label: prompt }, ...options]}
      onChange={(value) => {
        if (value) onAdd(value);
      }}
    />
  );
}
