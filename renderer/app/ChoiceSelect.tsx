// A labelled select over values found in the store (owners, sources), with "any" as the empty choice.
type Props = { id: string; label: string; anyLabel: string; value: string; choices: readonly string[]; onChange: (value: string) => void };

export const ChoiceSelect = ({ id, label, anyLabel, value, choices, onChange }: Props) => (
  <div className="field">
    <label htmlFor={id} className="field-label">{label}</label>
    <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{anyLabel}</option>
      {choices.map((choice) => (
        <option key={choice} value={choice}>{choice}</option>
      ))}
    </select>
  </div>
);
