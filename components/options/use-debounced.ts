import { useEffect, useState } from 'react';

/**
 * `value`, once it has stayed the same for `ms`: the pack editor validates a pack of up to a
 * megabyte, which must not run on every keystroke (issue 14). An empty value passes at once.
 */
export function useDebounced<T>(value: T, ms: number, immediate: (value: T) => boolean = () => false): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (immediate(value)) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms, immediate]);
  return settled;
}
