import { useId } from 'react';
import { splitWords } from '../../lib/split-words';
import { useDebouncedText } from '../../lib/use-debounced-text';

interface WordsInputProps {
  readonly label: string;
  readonly value: readonly string[] | undefined;
  readonly onChange: (words: string[] | undefined) => void;
  readonly placeholder?: string;
}

/** A comma-separated list of words (countries, keywords), committed as the operator pauses typing. */
export function WordsInput({ label, value, onChange, placeholder }: WordsInputProps) {
  const id = useId();
  const [text, setText] = useDebouncedText((value ?? []).join(', '), (t) => onChange(splitWords(t)));
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={text} placeholder={placeholder ?? 'comma-separated'} onChange={(e) => setText(e.target.value)} />
    </div>
  );
}
