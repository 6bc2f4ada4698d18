import type { Sort } from './store';

interface Props<K extends string> {
  label: string;
  title?: string;
  column: K;
  sort: Sort<K>;
  onSort(key: K): void;
}

/** A column header that sorts by keyboard or mouse and tells screen readers the order. */
export function SortHeader<K extends string>({ label, title, column, sort, onSort }: Props<K>) {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} title={title}>
      <button type="button" className="rg-sort" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
      </button>
    </th>
  );
}
