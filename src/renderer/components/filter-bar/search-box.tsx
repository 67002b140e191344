import { useDebouncedText } from '../../lib/use-debounced-text';

interface SearchBoxProps {
  /** The accessible name ("Search leads"). */
  readonly label: string;
  readonly value: string | undefined;
  readonly onChange: (search: string | undefined) => void;
}

/** Full-text search: the list follows 250 ms after the last keystroke. */
export function SearchBox({ label, value, onChange }: SearchBoxProps) {
  const [text, setText] = useDebouncedText(value ?? '', (t) => onChange(t.trim() || undefined));
  return (
    <input
      type="search"
      className="search-box"
      aria-label={label}
      placeholder={`${label}…`}
      value={text}
      maxLength={200}
      onChange={(e) => setText(e.target.value)}
    />
  );
}
